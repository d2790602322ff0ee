// Where each measure of a table stands: its status, its last review and any expected negative
// effect that remains without mitigation. The same list on the measures page, the table page and
// the public summary (there without links); it names no person.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { measuresOfTable } from "../../../../features/measures/queries.ts";
import { formatDate } from "../../../../features/shared/dates.ts";

type Measure = Pick<Awaited<ReturnType<typeof measuresOfTable>>[number], "title" | "kind" | "status" | "lastReview" | "unmitigated"> & {
  id?: string;
};

export async function MeasuresStanding({ tableId, measures, link = true }: { tableId: string; measures: Measure[]; link?: boolean }) {
  const t = await getTranslations("measures");
  const locale = await getLocale();
  if (measures.length === 0) return <p className="hint">{t("none")}</p>;
  return (
    <ul className="plain-list" data-testid="measures">
      {measures.map((m) => (
        <li key={m.id ?? m.title} data-testid="measure-standing">
          <span>
            {link && m.id ? <Link href={`/tables/${tableId}/measures/${m.id}`}>{m.title}</Link> : <strong>{m.title}</strong>}{" "}
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
  );
}
