// The commands of a running meeting: opening and ending it, the agenda item under discussion, the
// speaking queue, attendance, consensus checks and decisions. The live channel of the realtime
// process calls `runConsoleCommand` for every command a client sends; the web app never changes
// console state, so the realtime process always knows what changed. Each command is validated,
// asked of the policy with the party taken from the membership, and stored in one transaction
// that holds the meeting row — so commands of one meeting arriving at several nodes are applied
// one after the other — and raises the meeting's console revision. Every time is the server's.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { countedParties } from "../decisions/counted-parties.ts";
import { answerRound, closeRoundInTx } from "../decisions/rounds.ts";
import { canOpenRound } from "../decisions/rules.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { CURRENT_MEMBER, type MemberContext } from "../tables/queries.ts";
import { authorizeMeeting } from "./access.ts";
import { type ConsoleCommand, consoleCommandSchema, isPolicyDomain } from "./console-model.ts";
import {
  CONSOLE_COMMAND_ACTION,
  decisionStanding,
  endSessionRefusal,
  lowerHandRefusal,
  needsRunningSession,
  openSessionRefusal,
  raiseHandRefusal,
  sessionRunning,
} from "./policy.ts";

type Tx = Prisma.TransactionClient;
type Locked = { id: string; tableId: string; openedAt: Date | null; endedAt: Date | null; cancelledAt: Date | null; startsAt: Date };

/** The meeting's table, for checking membership before anything else is read. */
export async function meetingTable(db: Db, meetingId: string): Promise<string> {
  const meeting = isUuid(meetingId) ? await db.meeting.findUnique({ where: { id: meetingId }, select: { tableId: true } }) : null;
  if (!meeting) throw new AppError("NOT_FOUND");
  return meeting.tableId;
}

/** Validates, authorises and stores one console command. Throws an AppError and stores nothing when refused. */
export async function runConsoleCommand(db: Db, accountId: string, meetingId: string, input: unknown, now = new Date()) {
  const tableId = await meetingTable(db, meetingId);
  const command = parseInput(consoleCommandSchema, input);
  const member = await authorizeMeeting(db, accountId, tableId, CONSOLE_COMMAND_ACTION[command.type]);
  // Answers go through the rounds module, which holds the round while it writes.
  if (command.type === "check.answer") return answerCheck(db, accountId, tableId, meetingId, command, now);
  return db.$transaction(async (tx) => {
    const meeting = await lock(tx, meetingId);
    if (meeting.cancelledAt) throw new AppError("MEETING_CANCELLED");
    if (needsRunningSession(command.type) && command.type !== "session.end" && !sessionRunning(meeting)) {
      throw new AppError(meeting.endedAt ? "MEETING_ENDED" : "MEETING_NOT_RUNNING");
    }
    await apply(tx, member, meeting, command, now);
    await bump(tx, meetingId);
  });
}

async function lock(tx: Tx, meetingId: string): Promise<Locked> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT id, "tableId", "openedAt", "endedAt", "cancelledAt", "startsAt" FROM "Meeting" WHERE id = ${meetingId}::uuid FOR UPDATE`;
  const meeting = rows[0];
  if (!meeting) throw new AppError("NOT_FOUND");
  return meeting;
}

async function bump(tx: Tx, meetingId: string) {
  await tx.meeting.update({ where: { id: meetingId }, data: { consoleRevision: { increment: 1 } } });
}

async function openCheckOf(tx: Tx, meetingId: string) {
  return tx.round.findFirst({ where: { meetingId, subject: "consensus_check", closedAt: null }, select: { id: true } });
}

async function apply(
  tx: Tx,
  member: MemberContext,
  meeting: Locked,
  command: Exclude<ConsoleCommand, { type: "check.answer" }>,
  now: Date,
) {
  const audit = (action: Parameters<typeof recordAudit>[1]["action"], data: Record<string, unknown> = {}) =>
    recordAudit(tx, { action, tableId: meeting.tableId, data: { by: member.id, meeting: meeting.id, ...data } }, now);
  switch (command.type) {
    case "session.open": {
      const refusal = openSessionRefusal({ ...meeting, openCheck: false });
      if (refusal) throw new AppError(refusal);
      await tx.meeting.update({ where: { id: meeting.id }, data: { openedAt: now } });
      return audit("meeting.session_opened");
    }
    case "session.end": {
      const refusal = endSessionRefusal({ ...meeting, openCheck: (await openCheckOf(tx, meeting.id)) !== null });
      if (refusal) throw new AppError(refusal);
      await endRunningTurn(tx, meeting.id, now);
      await tx.meeting.update({ where: { id: meeting.id }, data: { endedAt: now } });
      return audit("meeting.session_ended");
    }
    case "item.start": {
      const item = await tx.agendaItem.findFirst({
        where: { id: command.itemId, meetingId: meeting.id, removedAt: null },
        select: { id: true },
      });
      if (!item) throw new AppError("NOT_FOUND");
      // Moving on ends the turn of whoever still had the floor: their time stops with the item.
      await endRunningTurn(tx, meeting.id, now);
      await tx.meeting.update({ where: { id: meeting.id }, data: { currentItemId: item.id, itemStartedAt: now } });
      return audit("meeting.item_started");
    }
    case "hand.raise": {
      const own = await tx.speakingTurn.findMany({ where: { meetingId: meeting.id, membershipId: member.id, chair: false } });
      const refusal = raiseHandRefusal(own);
      if (refusal) throw new AppError(refusal);
      await tx.speakingTurn.create({
        data: {
          meetingId: meeting.id,
          agendaItemId: await currentItem(tx, meeting.id),
          membershipId: member.id,
          // The party the delegate speaks for comes from their membership.
          partyId: member.partyId,
          addedBy: member.id,
          raisedAt: now,
        },
      });
      return;
    }
    case "hand.lower": {
      const turn = await tx.speakingTurn.findFirst({ where: { id: command.turnId, meetingId: meeting.id } });
      if (!turn) throw new AppError("NOT_FOUND");
      const refusal = lowerHandRefusal(member, turn);
      if (refusal) throw new AppError(refusal);
      await tx.speakingTurn.update({ where: { id: turn.id }, data: { withdrawnAt: now } });
      return;
    }
    case "guest.add": {
      if (command.partyId) {
        const party = await tx.party.findFirst({ where: { id: command.partyId, tableId: meeting.tableId }, select: { id: true } });
        if (!party) throw new AppError("NOT_FOUND");
      }
      await tx.speakingTurn.create({
        data: {
          meetingId: meeting.id,
          agendaItemId: await currentItem(tx, meeting.id),
          guestLabel: command.label,
          partyId: command.partyId,
          addedBy: member.id,
          raisedAt: now,
        },
      });
      return;
    }
    case "speaker.next": {
      const ended = await endRunningTurn(tx, meeting.id, now);
      const next = await tx.speakingTurn.findFirst({
        where: { meetingId: meeting.id, startedAt: null, withdrawnAt: null },
        orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
        select: { id: true },
      });
      if (!next && !ended) throw new AppError("QUEUE_EMPTY");
      if (next) await tx.speakingTurn.update({ where: { id: next.id }, data: { startedAt: now } });
      return;
    }
    case "speaker.call": {
      const turn = await tx.speakingTurn.findFirst({ where: { id: command.turnId, meetingId: meeting.id } });
      if (!turn) throw new AppError("NOT_FOUND");
      if (turn.startedAt || turn.withdrawnAt) throw new AppError("TURN_NOT_WAITING");
      await endRunningTurn(tx, meeting.id, now);
      await tx.speakingTurn.update({ where: { id: turn.id }, data: { startedAt: now } });
      return;
    }
    case "speaker.end": {
      if (!(await endRunningTurn(tx, meeting.id, now))) throw new AppError("QUEUE_EMPTY");
      return;
    }
    case "chair.speak": {
      await endRunningTurn(tx, meeting.id, now);
      await tx.speakingTurn.create({
        data: {
          meetingId: meeting.id,
          agendaItemId: await currentItem(tx, meeting.id),
          membershipId: member.id,
          chair: true,
          addedBy: member.id,
          raisedAt: now,
          startedAt: now,
        },
      });
      return;
    }
    case "attendance.mark": {
      const attendee = await tx.membership.findFirst({
        where: { id: command.membershipId, tableId: meeting.tableId, ...CURRENT_MEMBER },
        select: { id: true },
      });
      if (!attendee) throw new AppError("NOT_FOUND");
      await tx.attendanceMark.create({
        data: { meetingId: meeting.id, membershipId: attendee.id, status: command.status, recordedBy: member.id, createdAt: now },
      });
      // The log says attendance was recorded, not whose: the register itself is for the table.
      return audit("meeting.attendance_recorded");
    }
    case "check.open":
      return openCheck(tx, member, meeting, command.proposal, now, audit);
    case "check.close": {
      const round = await tx.round.findFirst({
        where: { id: command.roundId, meetingId: meeting.id, subject: "consensus_check" },
        select: { id: true, closedAt: true },
      });
      if (!round) throw new AppError("NOT_FOUND");
      if (round.closedAt) throw new AppError("ROUND_CLOSED");
      const result = await closeRoundInTx(tx, meeting.tableId, round.id, { closedAt: now, closedBy: member.id }, now);
      if (!result) throw new AppError("ROUND_CLOSED");
      return;
    }
    case "decision.record":
      return recordDecision(tx, member, meeting, command, now, audit);
  }
}

async function currentItem(tx: Tx, meetingId: string): Promise<string | null> {
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { currentItemId: true } });
  return meeting.currentItemId;
}

/** Ends the turn now speaking, if any; true when there was one. */
async function endRunningTurn(tx: Tx, meetingId: string, now: Date): Promise<boolean> {
  const ended = await tx.speakingTurn.updateMany({
    where: { meetingId, startedAt: { not: null }, endedAt: null },
    data: { endedAt: now },
  });
  return ended.count > 0;
}

// A check stays open until the chair closes it; the deadline only settles one left open long after.
const CHECK_GRACE_MS = 12 * 60 * 60 * 1000;

async function openCheck(
  tx: Tx,
  member: MemberContext,
  meeting: Locked,
  proposal: string,
  now: Date,
  audit: (action: "meeting.check_opened", data: Record<string, unknown>) => Promise<unknown>,
) {
  if (await openCheckOf(tx, meeting.id)) throw new AppError("ROUND_ALREADY_OPEN");
  const counted = await countedParties(tx, meeting.tableId);
  if (!canOpenRound(counted.length)) throw new AppError("ROUND_TOO_FEW_PARTIES");
  const table = await tx.table.findUniqueOrThrow({ where: { id: meeting.tableId }, select: { decisionRule: true } });
  const round = await tx.round.create({
    data: {
      tableId: meeting.tableId,
      subject: "consensus_check",
      meetingId: meeting.id,
      agendaItemId: await currentItem(tx, meeting.id),
      proposal,
      rule: table.decisionRule,
      deadline: new Date(now.getTime() + CHECK_GRACE_MS),
      openedBy: member.id,
      openedAt: now,
      parties: {
        create: counted.map((party, position) => ({ partyId: party.id, partyType: party.type, partyName: party.name, position })),
      },
    },
    select: { id: true },
  });
  await audit("meeting.check_opened", { round: round.id, rule: table.decisionRule });
}

async function answerCheck(
  db: Db,
  accountId: string,
  tableId: string,
  meetingId: string,
  command: Extract<ConsoleCommand, { type: "check.answer" }>,
  now: Date,
) {
  const round = await db.round.findFirst({
    where: { id: command.roundId, meetingId, subject: "consensus_check" },
    select: { id: true },
  });
  if (!round) throw new AppError("NOT_FOUND");
  // The party answered for is the delegate's own: answerRound takes it from the membership.
  await answerRound(db, accountId, tableId, round.id, { answer: command.answer, reason: command.reason }, now);
  await db.meeting.update({ where: { id: meetingId }, data: { consoleRevision: { increment: 1 } } });
}

async function recordDecision(
  tx: Tx,
  member: MemberContext,
  meeting: Locked,
  command: Extract<ConsoleCommand, { type: "decision.record" }>,
  now: Date,
  audit: (action: "meeting.decision_recorded", data: Record<string, unknown>) => Promise<unknown>,
) {
  if (!isPolicyDomain(command.domain)) throw new AppError("DECISION_DOMAIN_UNKNOWN", { field: "domain" });
  if (command.roundId) {
    const round = await tx.round.findFirst({
      where: { id: command.roundId, meetingId: meeting.id, subject: "consensus_check" },
      select: { closedAt: true, decision: { select: { id: true } } },
    });
    if (!round) throw new AppError("NOT_FOUND");
    if (!round.closedAt) throw new AppError("DECISION_CHECK_OPEN");
    if (round.decision) throw new AppError("DECISION_EXISTS_FOR_CHECK");
  }
  const versions = await tx.mandateVersion.findMany({
    where: { tableId: meeting.tableId },
    select: {
      id: true,
      version: true,
      decisionDate: true,
      termStart: true,
      termEnd: true,
      domains: { select: { domain: true, decisionPower: true } },
    },
  });
  const standing = decisionStanding(versions, command.domain, meeting.startsAt);
  if (standing.scope === "advisory_only" && !command.advisoryConfirmed) {
    throw new AppError("DECISION_ADVISORY_UNCONFIRMED", { field: "advisoryConfirmed" });
  }
  const decision = await tx.decision.create({
    data: {
      tableId: meeting.tableId,
      meetingId: meeting.id,
      agendaItemId: await currentItem(tx, meeting.id),
      roundId: command.roundId,
      text: command.text,
      domain: command.domain,
      participationForm: command.participationForm,
      scope: standing.scope,
      decisionPower: standing.scope === "within_scope" ? standing.decisionPower : null,
      advisoryReason: standing.scope === "advisory_only" ? standing.reason : null,
      mandateVersionId: standing.mandateVersionId,
      recordedBy: member.id,
      createdAt: now,
    },
    select: { id: true },
  });
  await audit("meeting.decision_recorded", { decision: decision.id, scope: standing.scope, domain: command.domain });
  return decision;
}
