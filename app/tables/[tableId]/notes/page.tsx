import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { docName } from "../../../../features/docs/names.ts";
import { realtimeUrl } from "../../../_server/realtime-url.ts";
import { loadTable } from "../load-table.ts";
import { NotesEditor } from "./notes-editor.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/notes`);
  return { title: (await getTranslations("notes"))("title", { table: table.title }) };
}

export default async function NotesPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/notes`);
  const t = await getTranslations("notes");
  const tt = await getTranslations("table");
  const readOnly = !table.may["notes.write"];
  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}`}>← {tt("back")}</Link>
      </p>
      <h1>{t("title", { table: table.title })}</h1>
      {readOnly && (
        <p className="alert alert-info" data-testid="read-only-notice">
          {t("readOnly")}
        </p>
      )}
      <NotesEditor
        key={String(session.presenceEnabled)}
        docName={docName({ kind: "notes", tableId: table.id })}
        serverUrl={await realtimeUrl()}
        readOnly={readOnly}
        presence={session.presenceEnabled ? { name: session.pseudonym } : null}
      />
    </div>
  );
}
