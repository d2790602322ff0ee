import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { participationMatrix } from "../../../features/participation/queries.ts";
import { formatDateTime } from "../../../features/shared/dates.ts";
import { chairDeclarations } from "../../../features/tables/chair.ts";
import { removedMembers } from "../../../features/tables/members.ts";
import { tableOverview } from "../../../features/tables/overview.ts";
import { openInvitations } from "../../../features/tables/queries.ts";
import { getDb } from "../../../prisma/db.ts";
import { Icon } from "../../_components/icons.tsx";
import {
  AboutSection,
  ChairSection,
  CharacteristicsPanel,
  CommitmentsSection,
  PartiesSection,
  PhasesSection,
} from "./governance-sections.tsx";
import { InvitationPanel } from "./invitation-panel.tsx";
import { loadTable } from "./load-table.ts";
import { LeaveTableForm, ReadmitForm, RemoveMemberForm } from "./membership-forms.tsx";
import { RoleForm } from "./role-form.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}`);
  return { title: table.title };
}

export default async function TablePage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}`);
  const t = await getTranslations("table");
  const tr = await getTranslations("roles");
  const mayInvite = table.may["table.invite"];
  const mayChangeRoles = table.may["table.roles.change"];
  const invitations = mayInvite ? await openInvitations(getDb(), session.accountId, table.id, new Date()) : [];
  const overview = await tableOverview(getDb(), session.accountId, table.id, new Date());
  const chairs = await chairDeclarations(getDb(), table.id);
  const mayRemove = table.may["table.members.remove"];
  const removed = mayRemove ? await removedMembers(getDb(), session.accountId, table.id) : [];
  const locale = await getLocale();
  const partyName = (id: string) => overview.parties.find((party) => party.id === id)?.name ?? "";
  const participation = await participationMatrix(getDb(), session.accountId, table.id);
  const tp = await getTranslations("participation");
  const tph = await getTranslations("phases");
  const phaseLabel = (id: string) => {
    const phase = overview.phases.find((p) => p.id === id);
    return phase?.name || (phase?.kind ? tph(`kinds.${phase.kind}` as "kinds.agenda_setting") : "");
  };
  return (
    <div className="stack">
      <h1>{table.title}</h1>
      <p>
        <span className="badge">{t("yourRole", { role: tr(table.myRole) })}</span>
      </p>
      <p>
        <Link className="button" href={`/tables/${table.id}/notes`}>
          {t("openNotes")}
        </Link>
      </p>
      <p>
        <Link href={`/tables/${table.id}/participation`}>{(await getTranslations("participation"))("open")}</Link> ·{" "}
        <Link href={`/tables/${table.id}/facts`}>{(await getTranslations("facts"))("open")}</Link> ·{" "}
        <Link href={`/tables/${table.id}/activity`}>{(await getTranslations("activity"))("open")}</Link>
      </p>
      {participation.gaps.length > 0 && (
        <div className="alert alert-error" data-testid="participation-gaps">
          <p style={{ margin: 0 }}>
            <Icon name="alert" />
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
      )}
      <CharacteristicsPanel assessments={overview.characteristics} />
      <AboutSection table={table} overview={overview} />
      <PartiesSection table={table} overview={overview} />
      <CommitmentsSection table={table} overview={overview} />
      <PhasesSection table={table} overview={overview} />
      <section aria-labelledby="members">
        <h2 id="members">
          {t("members")} <span className="badge">{t("membersCount", { count: table.members.length })}</span>
        </h2>
        <ul className="member-list">
          {table.members.map((member) => (
            <li key={member.membershipId}>
              <span>
                {member.pseudonym} {member.membershipId === table.myMembershipId && <span className="hint">{t("you")}</span>}
                {member.partyId && <span className="hint"> — {t("forParty", { party: partyName(member.partyId) })}</span>}
                {member.vouchedByPartyId && (
                  <span className="hint"> ({t("vouchedBy", { party: partyName(member.vouchedByPartyId) })})</span>
                )}
              </span>
              {mayChangeRoles ? (
                <RoleForm
                  key={`${member.membershipId}-${member.role}-${member.partyId}`}
                  tableId={table.id}
                  membershipId={member.membershipId}
                  pseudonym={member.pseudonym}
                  role={member.role}
                  partyId={member.partyId}
                  parties={overview.parties.map((party) => ({ id: party.id, name: party.name }))}
                />
              ) : (
                <span className="badge">{tr(member.role)}</span>
              )}
              {mayRemove && member.membershipId !== table.myMembershipId && (
                <RemoveMemberForm tableId={table.id} membershipId={member.membershipId} pseudonym={member.pseudonym} />
              )}
            </li>
          ))}
        </ul>
        {removed.length > 0 && (
          <>
            <h3>{t("removedHeading")}</h3>
            <ul className="member-list" data-testid="removed-members">
              {removed.map((member) => (
                <li key={member.membershipId}>
                  <span>
                    {member.pseudonym}{" "}
                    <span className="hint">
                      {tr(member.role)}, {t("removedOn", { at: formatDateTime(member.removedAt, locale) })}
                    </span>
                  </span>
                  <ReadmitForm tableId={table.id} membershipId={member.membershipId} pseudonym={member.pseudonym} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <ChairSection table={table} chairs={chairs} />
      {mayInvite && (
        <InvitationPanel
          tableId={table.id}
          open={invitations.map((invitation) => ({
            id: invitation.id,
            role: invitation.role,
            expiresAt: invitation.expiresAt.toISOString(),
            party: invitation.party,
            vouched: invitation.vouched,
          }))}
          parties={overview.parties.map((party) => ({ id: party.id, name: party.name }))}
        />
      )}
      <section aria-labelledby="leave-heading" className="card">
        <h2 id="leave-heading" style={{ marginTop: 0 }}>
          {t("leaveHeading")}
        </h2>
        <p className="hint">{t("leaveLead")}</p>
        <LeaveTableForm tableId={table.id} />
      </section>
    </div>
  );
}
