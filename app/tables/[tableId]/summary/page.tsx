import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { publicSummary } from "../../../../features/tables/summary.ts";
import { getDb } from "../../../../prisma/db.ts";
import { currentSession } from "../../../_server/session.ts";
import { MeasuresStanding } from "../measures/measures-standing.tsx";
import { StandingText } from "../standing-text.tsx";

type Props = { params: Promise<{ tableId: string }> };

async function load(tableId: string) {
  const session = await currentSession();
  const summary = await publicSummary(getDb(), session?.accountId ?? null, tableId, new Date());
  if (!summary) notFound();
  return summary;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  return { title: (await load(tableId)).title };
}

/** What anyone may know about a public table: never who takes part. */
export default async function SummaryPage({ params }: Props) {
  const { tableId } = await params;
  const summary = await load(tableId);
  const t = await getTranslations("tableInfo");
  const ts = await getTranslations("statuses");
  const tp = await getTranslations("parties");
  const tm = await getTranslations("mandate");
  const tme = await getTranslations("measures");
  return (
    <div className="stack">
      <h1>{summary.title}</h1>
      <dl className="facts">
        <dt>{t("policyQuestion")}</dt>
        <dd>{summary.policyQuestion || <span className="hint">{t("noQuestion")}</span>}</dd>
        <dt>{t("municipality")}</dt>
        <dd>{summary.municipality || "—"}</dd>
        <dt>{t("status")}</dt>
        <dd>{ts(summary.status)}</dd>
        <dt>{tm("title")}</dt>
        <dd>
          <StandingText standing={summary.standing} />
          {summary.mandate &&
            ` — ${tm(`bodies.${summary.mandate.issuingBody}`)}, ${summary.mandate.decisionReference}: ${summary.mandate.scope}`}
        </dd>
        {summary.mandate && (
          <>
            <dt>{tm("domainPowers")}</dt>
            <dd>
              <ul data-testid="summary-domains">
                {summary.mandate.domains.map((d) => (
                  <li key={d.domain} data-domain={d.domain} data-power={d.decisionPower}>
                    {tm("domainPower", { domain: tm(`domainNames.${d.domain}`), power: tm(`powers.${d.decisionPower}`) })}
                  </li>
                ))}
              </ul>
              <p className="hint">{tm("sharedPowerHelp")}</p>
            </dd>
          </>
        )}
      </dl>
      <h2>{tp("title")}</h2>
      {summary.parties.length === 0 ? (
        <p className="hint">{tp("none")}</p>
      ) : (
        <ul className="plain-list">
          {summary.parties.map((party) => (
            <li key={party.name}>
              <strong>{party.name}</strong> <span className="badge">{tp(`types.${party.type}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{tme("title")}</h2>
      <MeasuresStanding tableId={tableId} measures={summary.measures} link={false} />
    </div>
  );
}
