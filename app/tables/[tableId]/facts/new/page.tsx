import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { proposeFactAction } from "../../../../_actions/facts.ts";
import { loadTable } from "../../load-table.ts";
import { FactForm } from "../fact-form.tsx";
import { emptyFormValues, recordLanguages } from "../labels.ts";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/facts/new`);
  return { title: (await getTranslations("facts"))("addTitle", { table: table.title }) };
}

export default async function NewFactPage({ params }: Props) {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/facts/new`);
  if (!table.may["facts.propose"]) notFound();
  const t = await getTranslations("facts");
  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}/facts`}>← {t("back")}</Link>
      </p>
      <h1>{t("addTitle", { table: table.title })}</h1>
      <p className="hint">{t("sourceMissing")}</p>
      <FactForm
        action={proposeFactAction}
        tableId={table.id}
        values={emptyFormValues(table.languages[0] ?? "nl")}
        languages={await recordLanguages(table.languages)}
        submitLabel={t("propose")}
      />
    </div>
  );
}
