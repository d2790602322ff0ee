// The table's activity log, for members: what changed, when, and by whom — named by pseudonym
// only inside the table, and kept when people leave ("former member"). What someone contributed
// for their party names the party, unless they chose to be named (participation's policy decides).
import type { Db } from "../../prisma/db.ts";
import { activityVoice, type ProcessOwnerRole } from "../participation/policy.ts";
import { authorize, CURRENT_MEMBER } from "./queries.ts";

/** Set when the log names a party (its name, null once unknown) or a process owner's role instead of a person. */
export type SpokenAs = { kind: "party"; name: string | null } | { kind: "process"; role: ProcessOwnerRole } | null;

/** Audit actions the log names; anything else shows as a plain "change". */
export const ACTIVITY_ACTIONS = [
  "table.created",
  "table.details_changed",
  "table.status_changed",
  "party.added",
  "party.changed",
  "phase.changed",
  "phase.added",
  "phase.current_changed",
  "phase.moved",
  "mandate.recorded",
  "mandate.amended",
  "commitment.recorded",
  "commitment.breached",
  "commitment.responded",
  "chair.appointed",
  "chair.declared",
  "invitation.created",
  "invitation.revoked",
  "membership.joined",
  "membership.role_changed",
  "membership.left",
  "membership.removed",
  "membership.readmitted",
  "membership.vouched",
  "membership.contact_changed",
  "fact.proposed",
  "fact.edited",
  "fact.wording_changed",
  "fact.status_changed",
  "fact.position_recorded",
  "fact.linked",
  "fact.unlinked",
  "fact.question_asked",
  "fact.question_answered",
  "fact.question_withdrawn",
  "facts.imported",
  "doc.version_frozen",
  "round.opened",
  "round.answered",
  "round.answer_changed",
  "round.closed",
] as const;

/** Message keys cannot contain dots (they nest), so "party.added" is "activity.actions.party_added". */
export function activityMessageKey(action: string): string {
  return (ACTIVITY_ACTIONS as readonly string[]).includes(action) ? action.replace(".", "_") : "other";
}

export async function activityOf(db: Db, accountId: string, tableId: string, options: { take?: number } = {}) {
  await authorize(db, accountId, tableId, "table.activity.view");
  // One after the other: the embedded database serves one query at a time anyway.
  const events = await db.auditEvent.findMany({ where: { tableId }, orderBy: { id: "desc" }, take: options.take ?? 200 });
  // Only current members are named: whoever left shows as a former member. What they recorded for
  // their party names the party still, since the event itself says which party it was.
  const memberships = await db.membership.findMany({
    where: { tableId, ...CURRENT_MEMBER },
    select: { id: true, role: true, partyId: true, account: { select: { pseudonym: true } } },
  });
  const parties = await db.party.findMany({ where: { tableId }, select: { id: true, name: true } });
  const facts = await db.fact.findMany({ where: { tableId }, select: { id: true, code: true, title: true } });
  const names = new Map(memberships.map((m) => [m.id, m.account.pseudonym]));
  const members = new Map(memberships.map((m) => [m.id, { role: m.role, partyId: m.partyId, pseudonym: m.account.pseudonym }]));
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const factOf = new Map(facts.map((f) => [f.id, { code: f.code, title: f.title }]));
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return events.map((event) => {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const round = event.action.startsWith("round.");
    const by =
      typeof data.by === "string"
        ? data.by
        : typeof data.membership === "string" && event.action === "membership.joined"
          ? data.membership
          : null;
    const voice = activityVoice({ action: event.action, data }, by ? (members.get(by) ?? null) : null);
    // A delegate's contribution to the fact register is recorded as the party's (asParty, no person).
    const asParty = !by && typeof data.asParty === "string" ? data.asParty : null;
    const spokenAs: SpokenAs =
      voice?.kind === "party"
        ? { kind: "party", name: voice.partyId ? (partyNames.get(voice.partyId) ?? null) : null }
        : voice?.kind === "process"
          ? voice
          : asParty
            ? { kind: "party", name: partyNames.get(asParty) ?? null }
            : null;
    return {
      id: event.id.toString(),
      action: event.action,
      at: event.createdAt,
      /** The person's pseudonym, only when the log names them. */
      actor: voice?.kind === "person" ? voice.pseudonym : null,
      formerMember: voice?.kind === "former",
      spokenAs,
      // Whose role changed, when that is someone other than the actor; pseudonym null once they left.
      subject: typeof data.membership === "string" && data.membership !== by ? { pseudonym: names.get(data.membership) ?? null } : null,
      detail: {
        role: typeof data.role === "string" ? data.role : typeof data.to === "string" ? data.to : null,
        from: typeof data.from === "string" ? data.from : null,
        reason: typeof data.reason === "string" ? data.reason : null,
        // The chair's note on a breach: theirs, shown with the party and the chair who marked it.
        note: text(data.note),
        contact: typeof data.contact === "boolean" ? data.contact : null,
        version: typeof data.version === "number" ? data.version : null,
        // Parties are organisations, so their names may appear; people appear only by pseudonym.
        party: typeof data.party === "string" ? (partyNames.get(data.party) ?? null) : null,
        vouched: data.vouched === true,
        fact: typeof data.fact === "string" ? (factOf.get(data.fact) ?? null) : null,
        target: typeof data.target === "string" ? (factOf.get(data.target) ?? null) : null,
        fromStatus: text(data.fromStatus),
        toStatus: text(data.toStatus),
        stance: text(data.stance),
        linkType: text(data.linkType),
        count: typeof data.count === "number" ? data.count : null,
        // Rounds only: other events use some of the same keys for their own values.
        answer: round ? text(data.answer) : null,
        passed: round && typeof data.passed === "boolean" ? data.passed : null,
        atDeadline: round && data.atDeadline === true,
        sexWorkerObjection: round && data.sexWorkerObjection === true,
      },
    };
  });
}
