import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { factDetail } from "../../../../../../features/facts/queries.ts";
import { isAppError } from "../../../../../../features/shared/app-error.ts";
import { getDb } from "../../../../../../prisma/db.ts";
import { editFactAction } from "../../../../../_actions/facts.ts";
import { loadTable } from "../../../load-table.ts";
import { FactForm } from "../../fact-form.tsx";
import { formValuesOf, recordLanguages } from "../../labels.ts";

type Props = { params: Promise<{ tableId: string; factId: string }> };

async function load(tableId: string, factId: string) {
  const loaded = await loadTable(tableId, `/tables/${tableId}/facts/${factId}/edit`);
  try {
    const detail = await factDetail(getDb(), loaded.session.accountId, tableId, factId);
    if (!detail.may.edit) notFound();
    return { ...loaded, detail };
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId, factId } = await params;
  const { table, detail } = await load(tableId, factId);
  return { title: (await getTranslations("facts"))("editTitle", { code: detail.fact.code, table: table.title }) };
}

export default async function EditFactPage({ params }: Props) {
  const { tableId, factId } = await params;
  const { table, detail } = await load(tableId, factId);
  const t = await getTranslations("facts");
  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}/facts/${detail.fact.id}`}>
          ← {detail.fact.code} — {detail.fact.title}
        </Link>
      </p>
      <h1>{t("editTitle", { code: detail.fact.code, table: table.title })}</h1>
      <p className="hint">{t("wordingChangesPositions")}</p>
      <FactForm
        action={editFactAction}
        tableId={table.id}
        factId={detail.fact.id}
        values={formValuesOf(detail.fact)}
        languages={await recordLanguages(table.languages)}
        submitLabel={t("save")}
      />
    </div>
  );
}
