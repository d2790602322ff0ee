import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatFigure } from "../../../../features/facts/format.ts";
import { EVIDENCE_KINDS, FACT_STATUSES, STANCES } from "../../../../features/facts/model.ts";
import { factRegister, parseRegisterFilters } from "../../../../features/facts/queries.ts";
import { questionsOf } from "../../../../features/facts/questions.ts";
import type { FactQualifier } from "../../../../generated/prisma/enums.ts";
import { getDb } from "../../../../prisma/db.ts";
import { PartySelect } from "../../../_components/selects.tsx";
import { loadTable } from "../load-table.ts";
import { ImportForm } from "./import-form.tsx";
import { StanceChip, StatusBadge } from "./stance.tsx";

type Props = { params: Promise<{ tableId: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/facts`);
  return { title: (await getTranslations("facts"))("title", { table: table.title }) };
}

export default async function FactRegisterPage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const query = Object.fromEntries(
    Object.entries((await searchParams) ?? {}).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/facts`);
  const t = await getTranslations("facts");
  const tt = await getTranslations("table");
  const tr = await getTranslations("decisionRules");
  const locale = await getLocale();
  const filters = parseRegisterFilters(query);
  const register = await factRegister(getDb(), session.accountId, table.id, filters);
  const open = (await questionsOf(getDb(), session.accountId, table.id)).filter((q) => q.status === "open").length;
  const uncounted = register.parties.filter((party) => !register.countedParties.some((c) => c.id === party.id));
  const qualifier = (q: FactQualifier) => t(`qualifiers.${q}`);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}`}>← {tt("back")}</Link>
      </p>
      <h1>{t("title", { table: table.title })}</h1>
      <p className="lead">{t("lead")}</p>
      <p className="hint">{t("ruleHelp")}</p>

      <p className="row">
        {register.may["facts.propose"] && (
          <Link className="button" href={`/tables/${table.id}/facts/new`}>
            {t("add")}
          </Link>
        )}
        <Link href={`/tables/${table.id}/facts/questions`}>{t("questionsLink", { open })}</Link>
        <a className="button secondary" href={`/tables/${table.id}/facts/register.csv`} download>
          {t("csv")}
        </a>
        <a className="button secondary" href={`/tables/${table.id}/facts/fact-sheet.pdf`} download>
          {t("pdf")}
        </a>
      </p>
      {register.may["facts.import"] && (
        <section aria-labelledby="import" className="card">
          <h2 id="import" style={{ marginTop: 0 }}>
            {t("import")}
          </h2>
          <p className="hint">{t("importHint")}</p>
          <ImportForm tableId={table.id} />
        </section>
      )}

      <search aria-labelledby="filters">
        <h2 id="filters">{t("filters")}</h2>
        <form method="get" className="row">
          <div className="field">
            <label htmlFor="filter-q">{t("search")}</label>
            <input id="filter-q" type="text" name="q" defaultValue={filters.q ?? ""} aria-describedby="filter-q-hint" />
            <p className="hint" id="filter-q-hint">
              {t("searchHint")}
            </p>
          </div>
          <div className="field">
            <label htmlFor="filter-status">{t("columns.status")}</label>
            <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
              <option value="">{t("anyStatus")}</option>
              {FACT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`statuses.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-evidence">{t("columns.evidence")}</label>
            <select id="filter-evidence" name="evidence" defaultValue={filters.evidence ?? ""}>
              <option value="">{t("anyEvidence")}</option>
              {EVIDENCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`evidenceKinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-topic">{t("fields.topic")}</label>
            <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ""}>
              <option value="">{t("anyTopic")}</option>
              {register.topics.map((topic) => (
                <option key={topic} value={topic}>
                  {topic}
                </option>
              ))}
            </select>
          </div>
          <PartySelect
            id="filter-party"
            name="party"
            label={t("party")}
            parties={register.countedParties}
            empty={t("anyParty")}
            defaultValue={filters.party ?? ""}
          />
          <div className="field">
            <label htmlFor="filter-stance">{t("position")}</label>
            <select id="filter-stance" name="stance" defaultValue={filters.stance ?? ""}>
              <option value="">{t("anyStance")}</option>
              {STANCES.map((stance) => (
                <option key={stance} value={stance}>
                  {t(`stances.${stance}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit">{t("filter")}</button>
            {filtered && <Link href={`/tables/${table.id}/facts`}>{t("reset")}</Link>}
          </div>
        </form>
      </search>

      {register.total === 0 ? (
        <p className="hint">{t("empty")}</p>
      ) : (
        <section aria-labelledby="register">
          <h2 id="register">{t("registerTable")}</h2>
          <p role="status" className="hint">
            {t("showing", { shown: register.rows.length, total: register.total })} · {tr(register.decisionRule)}
          </p>
          {uncounted.length > 0 && <p className="hint">{t("notCounted", { parties: uncounted.map((p) => p.name).join(", ") })}</p>}
          {register.rows.length === 0 ? (
            <p>{t("noResults")}</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
            <section style={{ overflowX: "auto" }} tabIndex={0} aria-label={t("registerTable")}>
              <table className="grid" data-testid="fact-register">
                <thead>
                  <tr>
                    <th scope="col">{t("columns.code")}</th>
                    <th scope="col">{t("columns.fact")}</th>
                    <th scope="col">{t("columns.evidence")}</th>
                    <th scope="col">{t("columns.status")}</th>
                    {register.countedParties.map((party) => (
                      <th scope="col" key={party.id}>
                        {party.name}
                      </th>
                    ))}
                    <th scope="col">{t("columns.decision")}</th>
                  </tr>
                </thead>
                <tbody>
                  {register.rows.map((row) => {
                    const figure = formatFigure(row, locale, qualifier);
                    return (
                      <tr key={row.id} data-code={row.code}>
                        <th scope="row">
                          <Link href={`/tables/${table.id}/facts/${row.id}`}>{row.code}</Link>
                        </th>
                        <td lang={row.language}>
                          {row.title}
                          {(figure || row.valueDisplay) && (
                            <>
                              <br />
                              <strong>{figure || row.valueDisplay}</strong>
                              {row.unit && <span className="hint"> {row.unit}</span>}
                            </>
                          )}
                        </td>
                        <td>{t(`evidenceKinds.${row.evidenceKind}`)}</td>
                        <td>
                          <StatusBadge status={row.status} label={t(`statuses.${row.status}`)} />
                        </td>
                        {row.columns.map((column) => (
                          <td key={column.partyId} data-party={column.name}>
                            <StanceChip
                              stance={column.latest?.stance ?? null}
                              label={column.latest ? t(`stances.${column.latest.stance}`) : t("noAnswer")}
                              stale={column.latest && !column.current ? t("staleNote") : undefined}
                            />
                          </td>
                        ))}
                        <td>
                          {row.result.supporting}/{row.result.counted}{" "}
                          <span className="hint">{row.result.passed ? t("ruleMet") : t("ruleNotMet")}</span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          )}
        </section>
      )}
    </div>
  );
}
