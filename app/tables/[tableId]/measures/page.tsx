import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listMeasures } from "../../../../features/measures/queries.ts";
import { formatDate } from "../../../../features/shared/dates.ts";
import { getDb } from "../../../../prisma/db.ts";
import { loadTable } from "../load-table.ts";
import { TableHeader } from "../table-header.tsx";
import { MeasureForm } from "./measure-form.tsx";

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
  const locale = await getLocale();
  const db = getDb();
  const { measures, mayDraft, problemVersions, facts } = await listMeasures(db, session.accountId, table.id);
  return (
    <div className="stack">
      <TableHeader table={table} current="measures" heading={t("title")} />
      <p>{t("lead")}</p>
      <section aria-labelledby="measures-list">
        <h2 id="measures-list">{t("listHeading")}</h2>
        {measures.length === 0 ? (
          <p className="hint">{t("none")}</p>
        ) : (
          <ul className="plain-list" data-testid="measures">
            {measures.map((m) => (
              <li key={m.id}>
                <span>
                  <Link href={`/tables/${table.id}/measures/${m.id}`}>{m.title}</Link>{" "}
                  <span className="badge" data-testid="measure-status">
                    {t(`statuses.${m.status}`)}
                  </span>
                  <br />
                  <span className="hint">
                    {t(`kinds.${m.kind}`)}
                    {m.lastReview?.decidedAt &&
                      ` · ${t("lastReview", { date: formatDate(m.lastReview.decidedAt, locale), outcome: t(`outcomes.${m.lastReview.outcome ?? "keep"}`) })}`}
                  </span>
                  {m.unmitigated.length > 0 && (
                    <>
                      <br />
                      <strong data-testid="measure-unmitigated">
                        {t("unmitigated", { dimensions: m.unmitigated.map((d) => t(`dimensions.${d}`)).join(", ") })}
                      </strong>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
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
