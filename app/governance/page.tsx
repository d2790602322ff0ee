import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { governanceMap, municipalitiesVisibleTo } from "../../features/tables/governance-map.ts";
import { getDb } from "../../prisma/db.ts";
import { currentSession } from "../_server/session.ts";
import { StandingText } from "../tables/[tableId]/standing-text.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("governance"))("title") };
}

export default async function GovernancePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const session = await currentSession();
  const accountId = session?.accountId ?? null;
  const t = await getTranslations("governance");
  const tm = await getTranslations("mandate");
  const ts = await getTranslations("statuses");
  const municipalities = await municipalitiesVisibleTo(getDb(), accountId);
  const chosen = (params.municipality ?? municipalities[0] ?? "").slice(0, 120);
  const map = chosen ? await governanceMap(getDb(), accountId, chosen, new Date()) : null;
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p className="hint">{tm("sharedPowerHelp")}</p>
      <form method="get" className="row">
        <div className="field">
          <label htmlFor="municipality">{t("municipality")}</label>
          <input id="municipality" name="municipality" type="text" list="municipalities" defaultValue={chosen} maxLength={120} />
          <datalist id="municipalities">
            {municipalities.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <button type="submit">{t("show")}</button>
        </div>
      </form>
      {!map && <p className="hint">{t("choose")}</p>}
      {map && map.tables.length === 0 && <p className="card">{t("none")}</p>}
      {map && map.tables.length > 0 && (
        <>
          <section aria-labelledby="map-domains">
            <h2 id="map-domains">
              {t("domains")} — {map.municipality}
            </h2>
            <table className="grid" data-testid="domain-coverage">
              <thead>
                <tr>
                  <th scope="col">{t("domain")}</th>
                  <th scope="col">{t("coveredBy")}</th>
                  <th scope="col">{t("officials")}</th>
                </tr>
              </thead>
              <tbody>
                {map.coverage.map((row) => (
                  <tr key={row.domain} data-domain={row.domain} data-state={row.state}>
                    <th scope="row">{tm(`domainNames.${row.domain}`)}</th>
                    <td>
                      <span
                        className={`badge state-${row.state === "uncovered" ? "not_met" : row.state === "overlap" ? "not_assessable" : "met"}`}
                      >
                        {t(`states.${row.state}`)}
                      </span>{" "}
                      {row.tables.map((table, index) => (
                        <span key={table.id} data-testid="coverage-table" data-power={table.decisionPower}>
                          {index > 0 && "; "}
                          {table.title} ({tm(`powers.${table.decisionPower}`)})
                        </span>
                      ))}
                    </td>
                    <td>{row.officials.map((o) => `${o.office}${o.portfolio ? ` (${o.portfolio})` : ""}`).join("; ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="map-tables">
            <h2 id="map-tables">{t("tables")}</h2>
            <ul className="plain-list">
              {map.tables.map((table) => (
                <li key={table.id} style={{ display: "block" }}>
                  <strong>
                    {table.isMember ? (
                      <Link href={`/tables/${table.id}`}>{table.title}</Link>
                    ) : (
                      <Link href={`/tables/${table.id}/summary`}>{table.title}</Link>
                    )}
                  </strong>{" "}
                  <span className="badge">{ts(table.status)}</span> {table.isMember && <span className="badge">{t("yourTable")}</span>}
                  <br />
                  <StandingText standing={table.standing} />
                  {table.mandate ? (
                    <>
                      {" "}
                      — {tm(`bodies.${table.mandate.issuingBody}`)}, {table.mandate.decisionReference}{" "}
                      {table.mandate.dual && (
                        <span className="badge" data-testid="dual-mandate">
                          {t("dualMandate", { count: table.mandate.officials.length })}
                        </span>
                      )}
                      <ul data-testid="map-domains">
                        {table.mandate.domains.map((d) => (
                          <li key={d.domain} data-domain={d.domain} data-power={d.decisionPower}>
                            {tm("domainPower", { domain: tm(`domainNames.${d.domain}`), power: tm(`powers.${d.decisionPower}`) })}
                          </li>
                        ))}
                      </ul>
                      <ul data-testid="map-officials">
                        {table.mandate.officials.map((o) => (
                          <li key={`${o.office}-${o.portfolio}`}>
                            {o.office}
                            {o.portfolio && ` — ${o.portfolio}`}
                            {o.domains.length > 0 && ` (${o.domains.map((d) => tm(`domainNames.${d}`)).join(", ")})`}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    ` — ${t("noMandate")}`
                  )}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
