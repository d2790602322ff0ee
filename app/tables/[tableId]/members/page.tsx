import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "../../../../features/shared/dates.ts";
import { removedMembers } from "../../../../features/tables/members.ts";
import { tableOverview } from "../../../../features/tables/overview.ts";
import { mayBePartyContact, vouchProblem } from "../../../../features/tables/policy.ts";
import { openInvitations } from "../../../../features/tables/queries.ts";
import { getDb } from "../../../../prisma/db.ts";
import { InvitationPanel } from "../invitation-panel.tsx";
import { loadTable } from "../load-table.ts";
import { LeaveTableForm, PartyContactForm, ReadmitForm, RemoveMemberForm, VouchForm } from "../membership-forms.tsx";
import { RoleForm } from "../role-form.tsx";
import { TableHeader } from "../table-header.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/members`);
  return { title: `${(await getTranslations("tableNav"))("members")} — ${table.title}` };
}

export default async function MembersPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/members`);
  const t = await getTranslations("table");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const mayInvite = table.may["table.invite"];
  const mayChangeRoles = table.may["table.roles.change"];
  const mayRemove = table.may["table.members.remove"];
  const invitations = mayInvite ? await openInvitations(getDb(), session.accountId, table.id, new Date()) : [];
  const overview = await tableOverview(getDb(), session.accountId, table.id, new Date());
  const removed = mayRemove ? await removedMembers(getDb(), session.accountId, table.id) : [];
  const partyName = (id: string) => overview.parties.find((party) => party.id === id)?.name ?? "";
  const parties = overview.parties.map((party) => ({ id: party.id, name: party.name }));
  const me = table.members.find((m) => m.membershipId === table.myMembershipId);
  const contactActor = {
    membershipId: table.myMembershipId,
    role: table.myRole,
    partyId: table.myPartyId,
    partyContact: me?.partyContact ?? false,
  };
  const mayVouchFor = (member: (typeof table.members)[number]) =>
    table.may["members.vouch"] &&
    vouchProblem(contactActor, {
      membershipId: member.membershipId,
      partyId: member.partyId,
      vouched: member.vouchedByPartyId !== null,
    }) === null;
  return (
    <div className="stack">
      <TableHeader table={table} current="members" heading={(await getTranslations("tableNav"))("members")} />
      <section aria-labelledby="members">
        <h2 id="members">
          {t("members")} <span className="badge">{t("membersCount", { count: table.members.length })}</span>
        </h2>
        <ul className="member-list">
          {table.members.map((member) => (
            <li key={member.membershipId}>
              <span>
                {member.hidden ? <span data-testid="hidden-member">{t("hiddenMember")}</span> : member.pseudonym}{" "}
                {member.membershipId === table.myMembershipId && <span className="hint">{t("you")}</span>}
                {member.partyId && <span className="hint"> — {t("forParty", { party: partyName(member.partyId) })}</span>}
                {member.vouchedByPartyId && (
                  <span className="hint"> ({t("vouchedBy", { party: partyName(member.vouchedByPartyId) })})</span>
                )}
                {member.partyContact && member.partyId && (
                  <span className="badge" data-testid="party-contact">
                    {t("contactOf", { party: partyName(member.partyId) })}
                  </span>
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
                  parties={parties}
                />
              ) : (
                <span className="badge">{tr(member.role)}</span>
              )}
              {table.may["party.contact.set"] && member.partyId && mayBePartyContact(member) && (
                <PartyContactForm
                  tableId={table.id}
                  membershipId={member.membershipId}
                  pseudonym={member.pseudonym}
                  party={partyName(member.partyId)}
                  contact={member.partyContact}
                />
              )}
              {mayVouchFor(member) && <VouchForm tableId={table.id} membershipId={member.membershipId} pseudonym={member.pseudonym} />}
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
      {!mayInvite && me?.partyContact && me.partyId && table.status !== "closed" && (
        <InvitationPanel tableId={table.id} open={[]} parties={[]} forParty={{ id: me.partyId, name: partyName(me.partyId) }} />
      )}
      {mayInvite && (
        <InvitationPanel
          tableId={table.id}
          open={invitations.map((invitation) => ({
            id: invitation.id,
            role: invitation.role,
            expiresAt: invitation.expiresAt.toISOString(),
            party: invitation.party,
          }))}
          parties={parties}
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
