// The table's activity log, for members: what changed, on which record, for which party, when,
// and by whom — named by pseudonym only inside the table, and kept when people leave ("former
// member"). What someone contributed for their party names the party, unless they chose to be
// named (participation's policy decides).
import type { Db } from "../../prisma/db.ts";
import { auditMessageKey, isAuditAction } from "../audit/actions.ts";
import { activityVoice, type ProcessOwnerRole } from "../participation/policy.ts";
import { authorize, CURRENT_MEMBER } from "./queries.ts";

export { TABLE_AUDIT_ACTIONS as ACTIVITY_ACTIONS } from "../audit/actions.ts";

/** Set when the log names a party (its name, null once unknown) or a process owner's role instead of a person. */
export type SpokenAs =
  | { kind: "party"; name: string | null }
  | { kind: "anonymous"; name: string | null }
  | { kind: "process"; role: ProcessOwnerRole }
  | null;

/** The message key of an action; events of actions no longer written show as a plain "change". */
export function activityMessageKey(action: string): string {
  return isAuditAction(action) ? auditMessageKey(action) : "other";
}

/**
 * The values an activity message may use, every one of them for every event (null when the event
 * has none), so a message never asks for a value the page does not give. A test holds the message
 * files to this list.
 */
export const ACTIVITY_MESSAGE_VALUES = [
  "party",
  "hasParty",
  "vouched",
  "phase",
  "member",
  "role",
  "fromRole",
  "fromStatus",
  "toStatus",
  "version",
  "position",
  "kind",
  "form",
  "item",
  "answer",
  "scope",
  "title",
  "fact",
  "target",
  "stance",
  "linkType",
  "revision",
  "count",
  "links",
  "fields",
] as const;

/** What an event is about, looked up from the ids it holds. Names of people never appear here but as `member`. */
export type ActivityDetail = {
  role: string | null;
  from: string | null;
  reason: string | null;
  version: number | null;
  /** Parties are organisations, so their names may appear; people appear only by pseudonym. */
  party: string | null;
  vouched: boolean;
  phase: { name: string; kind: string | null } | null;
  position: number | null;
  kind: string | null;
  form: string | null;
  item: string | null;
  answer: string | null;
  /** What a condition answer is for: one phase, or the whole table. */
  scope: "phase" | "table" | null;
  title: string | null;
  fact: { code: string; title: string } | null;
  target: { code: string; title: string } | null;
  fromStatus: string | null;
  toStatus: string | null;
  stance: string | null;
  linkType: string | null;
  revision: number | null;
  count: number | null;
  links: number | null;
  /** The chair's note on a breach. */
  note: string | null;
  /** A party contact set (true) or unset (false). */
  contact: boolean | null;
  /** Endorsement rounds: a party's answer, the result, and how the round closed. */
  roundAnswer: string | null;
  passed: boolean | null;
  atDeadline: boolean;
  sexWorkerObjection: boolean;
  /** The table details that changed, by field name. */
  fields: string[];
};

export type ActivityEntry = {
  id: string;
  action: string;
  /** The message key under activity.actions. */
  messageKey: string;
  at: Date;
  /** The person's pseudonym, only when the log names them. */
  actor: string | null;
  formerMember: boolean;
  spokenAs: SpokenAs;
  /** Whose membership the event is about, when that is someone other than the actor; pseudonym null once they left. */
  subject: { pseudonym: string | null } | null;
  detail: ActivityDetail;
};

const QUESTION_PREVIEW = 80;

export async function activityOf(db: Db, accountId: string, tableId: string, options: { take?: number } = {}): Promise<ActivityEntry[]> {
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
  const phases = await db.phase.findMany({ where: { tableId }, select: { id: true, name: true, kind: true } });
  const facts = await db.fact.findMany({ where: { tableId }, select: { id: true, code: true, title: true } });
  const commitments = await db.commitment.findMany({ where: { tableId }, select: { id: true, partyId: true, kind: true } });
  const invitations = await db.invitation.findMany({ where: { tableId }, select: { id: true, role: true, partyId: true } });
  const activities = await db.participationActivity.findMany({ where: { tableId }, select: { id: true, title: true, ownerPartyId: true } });
  const agendaItems = await db.nextMeetingItem.findMany({ where: { tableId }, select: { id: true, partyId: true, phaseId: true } });
  const questions = await db.factQuestion.findMany({ where: { tableId }, select: { id: true, question: true } });

  const names = new Map(memberships.map((m) => [m.id, m.account.pseudonym]));
  const members = new Map(memberships.map((m) => [m.id, { role: m.role, partyId: m.partyId, pseudonym: m.account.pseudonym }]));
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const phaseOf = new Map(phases.map((p) => [p.id, { name: p.name, kind: p.kind }]));
  const factOf = new Map(facts.map((f) => [f.id, { code: f.code, title: f.title }]));
  const commitmentOf = new Map(commitments.map((c) => [c.id, c]));
  const invitationOf = new Map(invitations.map((i) => [i.id, i]));
  const activityRecord = new Map(activities.map((a) => [a.id, a]));
  const agendaItemOf = new Map(agendaItems.map((i) => [i.id, i]));
  const questionOf = new Map(questions.map((q) => [q.id, q.question]));

  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const number = (value: unknown) => (typeof value === "number" ? value : null);
  const lookup = <T>(map: Map<string, T>, value: unknown): T | null => (typeof value === "string" ? (map.get(value) ?? null) : null);

  return events.map((event): ActivityEntry => {
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
      voice?.kind === "party" || voice?.kind === "anonymous"
        ? { kind: voice.kind, name: voice.partyId ? (partyNames.get(voice.partyId) ?? null) : null }
        : voice?.kind === "process"
          ? voice
          : asParty
            ? { kind: "party", name: partyNames.get(asParty) ?? null }
            : null;

    // The records the event names, where it names them only by id.
    const commitment = lookup(commitmentOf, data.commitment);
    const invitation = lookup(invitationOf, data.invitation);
    const activity = lookup(activityRecord, data.activity);
    const agendaItem = lookup(agendaItemOf, data.item);
    const question = lookup(questionOf, data.question);
    const partyId = text(data.party) ?? commitment?.partyId ?? invitation?.partyId ?? activity?.ownerPartyId ?? agendaItem?.partyId ?? null;
    const phaseId = text(data.phase) ?? agendaItem?.phaseId ?? null;
    const isCondition = event.action === "participation.condition_answered";
    // A table's status change holds its statuses as from/to, as a role change holds its roles.
    const isStatus = event.action === "table.status_changed";
    return {
      id: event.id.toString(),
      action: event.action,
      messageKey: activityMessageKey(event.action),
      at: event.createdAt,
      actor: voice?.kind === "person" ? voice.pseudonym : null,
      // An erasure names nobody (the event holds no ids): it reads as a former member's.
      formerMember: voice?.kind === "former" || event.action === "membership.erased",
      spokenAs,
      subject: typeof data.membership === "string" && data.membership !== by ? { pseudonym: names.get(data.membership) ?? null } : null,
      detail: {
        role: isStatus ? null : (text(data.role) ?? text(data.to) ?? invitation?.role ?? null),
        from: isStatus ? null : text(data.from),
        reason: text(data.reason),
        version: number(data.version),
        party: partyId ? (partyNames.get(partyId) ?? null) : null,
        // The chair's note on a breach: theirs, shown with the party and the chair who marked it.
        note: text(data.note),
        contact: typeof data.contact === "boolean" ? data.contact : null,
        vouched: data.vouched === true,
        phase: phaseId ? (phaseOf.get(phaseId) ?? null) : null,
        position: number(data.position),
        kind: text(data.kind) ?? commitment?.kind ?? null,
        form: text(data.form),
        item: isCondition ? text(data.item) : null,
        answer: isCondition ? text(data.answer) : null,
        scope: isCondition ? (phaseId ? "phase" : "table") : null,
        title: activity?.title ?? (question === null ? null : preview(question)),
        fact: lookup(factOf, data.fact),
        target: lookup(factOf, data.target),
        fromStatus: isStatus ? text(data.from) : text(data.fromStatus),
        toStatus: isStatus ? text(data.to) : text(data.toStatus),
        stance: text(data.stance),
        linkType: text(data.linkType),
        revision: number(data.revision),
        count: number(data.count),
        links: number(data.links),
        fields: typeof data.fields === "string" && data.fields ? data.fields.split(",") : [],
        // Rounds only: other events use some of the same keys for their own values.
        roundAnswer: round ? text(data.answer) : null,
        passed: round && typeof data.passed === "boolean" ? data.passed : null,
        atDeadline: round && data.atDeadline === true,
        sexWorkerObjection: round && data.sexWorkerObjection === true,
      },
    };
  });
}

function preview(value: string): string {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > QUESTION_PREVIEW ? `${line.slice(0, QUESTION_PREVIEW - 1)}…` : line;
}
