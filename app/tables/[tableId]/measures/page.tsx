import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listMeasures } from "../../../../features/measures/queries.ts";
import { getDb } from "../../../../prisma/db.ts";
import { loadTable } from "../load-table.ts";
import { TableHeader } from "../table-header.tsx";
import { MeasureForm } from "./measure-form.tsx";
import { MeasuresStanding } from "./measures-standing.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/measures`);
  return { title: `${(await getTranslations("measures"))("title")} — ${table.title}` };
}

export default async function MeasuresPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/measures`);
  const t = await getTranslations("measures");
  const db = getDb();
  const { measures, mayDraft, problemVersions, facts } = await listMeasures(db, session.accountId, table.id);
  return (
    <div className="stack">
      <TableHeader table={table} current="measures" heading={t("title")} />
      <p>{t("lead")}</p>
      <section aria-labelledby="measures-list">
        <h2 id="measures-list">{t("listHeading")}</h2>
        <MeasuresStanding tableId={table.id} measures={measures} />
      </section>
      {mayDraft && (
        <section aria-labelledby="new-measure" className="card">
          <h2 id="new-measure" style={{ marginTop: 0 }}>
            {t("newHeading")}
          </h2>
          <p className="hint">{t("newLead")}</p>
          <MeasureForm tableId={table.id} problemVersions={problemVersions} facts={facts} />
        </section>
      )}
    </div>
  );
}
