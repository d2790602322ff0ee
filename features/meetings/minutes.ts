// A meeting's minutes: one live document per meeting (minutes:<tableId>:<meetingId>), pre-filled
// from stored rows when first opened after the meeting, frozen into versions by the process
// roles, and circulated in a round in which each party approves (support) or requests changes
// (cannot support, with its reason) on the shared scale. Once a round passed, the minutes are
// approved: the live document turns read-only, nothing more is frozen, and the approved version
// is the record that exports as PDF.

import { toLocale } from "../../i18n/locales.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { answerRound, openRound, roundsOf } from "../decisions/rounds.ts";
import { docName } from "../docs/names.ts";
import { docAccessFor } from "../docs/policy.ts";
import { contentUpdate } from "../docs/seed.ts";
import { freezeVersion, readVersion, storedState, versionsOf } from "../docs/versions.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { actorFor } from "../tables/policy.ts";
import type { MemberContext } from "../tables/queries.ts";
import { authorizeMeeting } from "./access.ts";
import { minutesContent, minutesFacts } from "./minutes-prefill.ts";
import { minutesStageOf } from "./minutes-stage.ts";
import { canMeet, type MinutesStage } from "./policy.ts";

/** What a party says about circulated minutes, and the answer on the shared scale it stands for. */
export const MINUTES_ANSWERS = { approve: "support", request_changes: "cannot_support" } as const;
export type MinutesAnswer = keyof typeof MINUTES_ANSWERS;

export const minutesRef = (tableId: string, meetingId: string) => ({ kind: "minutes" as const, tableId, meetingId });

async function meetingOf(db: Db, tableId: string, meetingId: string) {
  const meeting = isUuid(meetingId)
    ? await db.meeting.findFirst({
        where: { id: meetingId, tableId },
        select: { id: true, title: true, startsAt: true, endsAt: true, endedAt: true, cancelledAt: true },
      })
    : null;
  if (!meeting) throw new AppError("NOT_FOUND");
  return meeting;
}

function refuseStage(stage: MinutesStage): void {
  if (stage === "none") throw new AppError("NOT_FOUND");
  if (stage === "before") throw new AppError("MINUTES_NOT_YET");
  if (stage === "approved") throw new AppError("MINUTES_APPROVED");
}

/**
 * Writes the pre-fill into the minutes document if nothing was ever stored for it, once the
 * meeting is over. The meeting row is locked meanwhile, so two people opening the minutes at
 * the same moment write it once. Returns whether it wrote.
 */
export async function prefillMinutes(db: Db, member: Pick<MemberContext, "id">, tableId: string, meetingId: string, now = new Date()) {
  if ((await minutesStageOf(db, tableId, meetingId, now)) !== "drafting") return false;
  const name = docName(minutesRef(tableId, meetingId));
  const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { languages: true } });
  // Built outside the transaction, which stays short.
  const facts = await minutesFacts(db, tableId, meetingId);
  if (!facts) return false;
  const update = contentUpdate(null, minutesContent(facts, toLocale(table.languages[0])));
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId}::uuid FOR UPDATE`;
    const stored = (await tx.docUpdate.count({ where: { docName: name } })) + (await tx.docSnapshot.count({ where: { docName: name } }));
    if (stored > 0) return false;
    await tx.docUpdate.create({ data: { docName: name, data: new Uint8Array(update) } });
    await recordAudit(tx, { action: "meeting.minutes_started", tableId, data: { by: member.id, meeting: meetingId } }, now);
    return true;
  });
}

/** The minutes page for one member: the document, its versions and the approval rounds. */
export async function minutesPage(
  db: Db,
  accountId: string,
  tableId: string,
  meetingId: string,
  options: { read?: number } = {},
  now = new Date(),
) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.view");
  const meeting = await meetingOf(db, tableId, meetingId);
  if (meeting.cancelledAt) throw new AppError("NOT_FOUND");
  await prefillMinutes(db, member, tableId, meetingId, now);
  const ref = minutesRef(tableId, meetingId);
  const name = docName(ref);
  const rounds = await roundsOf(db, accountId, tableId, name, now);
  // Read after the rounds were settled, so a round that passed at its deadline counts.
  const stage = await minutesStageOf(db, tableId, meetingId, now);
  const actor = { ...actorFor(accountId, member), partyId: member.partyId };
  const versions = await versionsOf(db, name);
  const numbers = new Set(versions.map((v) => v.number));
  const read = options.read && numbers.has(options.read) ? await readVersion(db, accountId, ref, options.read) : null;
  const approvedRound = rounds.find((round) => round.result?.passed);
  const frozenBy = await frozenByNames(
    db,
    versions.map((v) => v.frozenBy),
  );
  const parties = await db.party.findMany({ where: { tableId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
  const partyName = new Map(parties.map((p) => [p.id, p.name]));
  const decisions = await db.decision.findMany({
    where: { meetingId, tableId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      text: true,
      scope: true,
      decisionPower: true,
      advisoryReason: true,
      actions: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          text: true,
          ownerPartyId: true,
          dueDate: true,
          statuses: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { status: true } },
        },
      },
    },
  });
  return {
    meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt },
    stage,
    name,
    access: docAccessFor(actor, ref, member.table, { minutes: stage }),
    mayFreeze: stage === "drafting" && canMeet(member, "meetings.minutes.freeze", member.table),
    versions: versions.map((v) => ({ ...v, frozenBy: frozenBy(v.frozenBy) })),
    read,
    rounds,
    approved: approvedRound?.version ? { number: approvedRound.version.number, roundId: approvedRound.id } : null,
    myPartyId: member.partyId,
    parties,
    mayAddActions: canMeet(member, "meetings.actions.add", member.table),
    decisions: decisions.map((d) => ({
      ...d,
      actions: d.actions.map((a) => ({
        id: a.id,
        text: a.text,
        owner: partyName.get(a.ownerPartyId) ?? "",
        dueDate: a.dueDate,
        status: a.statuses.at(-1)?.status ?? "open",
      })),
    })),
  };
}

export type FrozenBy = { kind: "party"; name: string } | { kind: "person"; pseudonym: string } | { kind: "former" };

/** As the log names people: a delegate's act is their party's, anyone else by pseudonym. */
async function frozenByNames(db: Db, ids: string[]) {
  const rows = await db.membership.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, role: true, leftAt: true, party: { select: { name: true } }, account: { select: { pseudonym: true } } },
  });
  const byId = new Map(rows.map((m) => [m.id, m]));
  return (id: string): FrozenBy => {
    const m = byId.get(id);
    if (m?.role === "delegate" && m.party) return { kind: "party", name: m.party.name };
    if (!m || m.leftAt) return { kind: "former" };
    return { kind: "person", pseudonym: m.account.pseudonym };
  };
}

/** Freezes the minutes as their next version, while they are being drafted. */
export async function freezeMinutes(db: Db, accountId: string, tableId: string, meetingId: string, now = new Date()) {
  await authorizeMeeting(db, accountId, tableId, "meetings.minutes.freeze");
  await meetingOf(db, tableId, meetingId);
  refuseStage(await minutesStageOf(db, tableId, meetingId, now));
  return freezeVersion(db, accountId, minutesRef(tableId, meetingId), now);
}

async function versionOfMinutes(db: Db, tableId: string, meetingId: string, versionId: string) {
  const version = isUuid(versionId)
    ? await db.docVersion.findFirst({
        where: { id: versionId, tableId, docName: docName(minutesRef(tableId, meetingId)) },
        select: { id: true },
      })
    : null;
  if (!version) throw new AppError("NOT_FOUND");
  return version;
}

/** The chair circulates a frozen version for approval, until a deadline (Amsterdam time). */
export async function circulateMinutes(
  db: Db,
  accountId: string,
  tableId: string,
  meetingId: string,
  input: { versionId: string; deadline: string },
  now = new Date(),
) {
  await authorizeMeeting(db, accountId, tableId, "meetings.view");
  await meetingOf(db, tableId, meetingId);
  refuseStage(await minutesStageOf(db, tableId, meetingId, now));
  await versionOfMinutes(db, tableId, meetingId, input.versionId);
  return openRound(db, accountId, tableId, input, now);
}

/**
 * A party approves the circulated minutes or requests changes, with its reason, through one of
 * its delegates (the party comes from the membership; the rounds module checks it).
 */
export async function answerMinutes(
  db: Db,
  accountId: string,
  tableId: string,
  meetingId: string,
  roundId: string,
  input: { answer: string; reason?: string },
  now = new Date(),
) {
  await authorizeMeeting(db, accountId, tableId, "meetings.view");
  await meetingOf(db, tableId, meetingId);
  const round = isUuid(roundId)
    ? await db.round.findFirst({
        where: { id: roundId, tableId, subject: "minutes", version: { docName: docName(minutesRef(tableId, meetingId)) } },
        select: { id: true },
      })
    : null;
  if (!round) throw new AppError("NOT_FOUND");
  const answer = MINUTES_ANSWERS[input.answer as MinutesAnswer];
  if (!answer) throw new AppError("ROUND_ANSWER_INVALID", { field: "answer" });
  return answerRound(db, accountId, tableId, round.id, { answer, reason: input.reason ?? "" }, now);
}

/** The approved version with each party's answer, for the export; not found until approved. */
export async function approvedMinutes(db: Db, accountId: string, tableId: string, meetingId: string, now = new Date()) {
  await authorizeMeeting(db, accountId, tableId, "meetings.view");
  const meeting = await meetingOf(db, tableId, meetingId);
  const name = docName(minutesRef(tableId, meetingId));
  const rounds = await roundsOf(db, accountId, tableId, name, now);
  const round = rounds.find((r) => r.result?.passed);
  if (!round?.version) throw new AppError("NOT_FOUND");
  const version = await readVersion(db, accountId, minutesRef(tableId, meetingId), round.version.number);
  const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { title: true, languages: true, decisionRule: true } });
  return { meeting, table, version, round };
}

/** For tests and the demo: the stored text of the live minutes. */
export async function liveMinutesState(db: Db, tableId: string, meetingId: string) {
  return storedState(db, docName(minutesRef(tableId, meetingId)));
}
