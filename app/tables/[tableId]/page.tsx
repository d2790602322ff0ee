import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listMeasures } from "../../../features/measures/queries.ts";
import { participationMatrix } from "../../../features/participation/queries.ts";
import { tableOverview } from "../../../features/tables/overview.ts";
import { openInvitations } from "../../../features/tables/queries.ts";
import { setupProgress } from "../../../features/tables/setup.ts";
import { getDb } from "../../../prisma/db.ts";
import { AboutSection } from "./about-section.tsx";
import { CharacteristicsPanel } from "./characteristics-panel.tsx";
import { loadTable } from "./load-table.ts";
import { MeasuresStanding } from "./measures/measures-standing.tsx";
import { SetupChecklist } from "./setup-checklist.tsx";
import { TableHeader } from "./table-header.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}`);
  return { title: table.title };
}

/** The table at a glance: how it is set up, what needs attention, and where to fix it. */
export default async function TablePage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}`);
  const t = await getTranslations("table");
  const tp = await getTranslations("participation");
  const tph = await getTranslations("phases");
  const tm = await getTranslations("measures");
  const now = new Date();
  const overview = await tableOverview(getDb(), session.accountId, table.id, now);
  const participation = await participationMatrix(getDb(), session.accountId, table.id);
  const { measures } = await listMeasures(getDb(), session.accountId, table.id);
  const mayEdit = table.may["table.edit"];
  const invitations = table.may["table.invite"] ? await openInvitations(getDb(), session.accountId, table.id, now) : [];
  const setup = setupProgress({
    policyQuestion: table.policyQuestion,
    partyCount: overview.parties.length,
    hasMandate: overview.latestMandate !== undefined,
    chair: overview.chair,
    othersInvited: table.members.filter((m) => m.role !== "facilitator").length + invitations.length,
  });
  const partyName = (id: string) => overview.parties.find((party) => party.id === id)?.name ?? "";
  const phaseLabel = (id: string) => {
    const phase = overview.phases.find((p) => p.id === id);
    return phase?.name || (phase?.kind ? tph(`kinds.${phase.kind}` as "kinds.agenda_setting") : "");
  };
  return (
    <div className="stack">
      <TableHeader table={table} current="overview" />
      {mayEdit && !setup.complete && <SetupChecklist tableId={table.id} progress={setup} />}
      <section aria-labelledby="attention-heading">
        <h2 id="attention-heading">{t("attention")}</h2>
        {participation.gaps.length > 0 ? (
          <div className="alert alert-error" data-testid="participation-gaps">
            <p style={{ margin: 0 }}>
              <Link href={`/tables/${table.id}/participation`}>{tp("gapsOnTable", { count: participation.gaps.length })}</Link>
            </p>
            <ul>
              {participation.gaps.map((gap) => (
                <li key={`${gap.partyId}-${gap.phaseId}`}>
                  {partyName(gap.partyId)}, {phaseLabel(gap.phaseId)}: {tp(`forms.${gap.intended}`)} → {tp(`forms.${gap.perceived}`)}
                  {gap.severity === "serious" && ` (${tp("gapSerious")})`}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="hint" data-testid="nothing-needs-attention">
            {t("nothingNeedsAttention")}
          </p>
        )}
      </section>
      <section aria-labelledby="measures-heading">
        <h2 id="measures-heading">
          <Link href={`/tables/${table.id}/measures`}>{tm("title")}</Link>
        </h2>
        <MeasuresStanding tableId={table.id} measures={measures} />
      </section>
      <CharacteristicsPanel assessments={overview.characteristics} tableId={table.id} />
      <AboutSection table={table} overview={overview} />
    </div>
  );
}
