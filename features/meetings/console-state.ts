// The state of a meeting's console, derived entirely from stored rows: the live channel pushes
// it, never keeps it. Any realtime node can derive it after a restart, and a client that
// reconnects receives it whole. The same state goes to everyone in the meeting; what a viewer may
// do is sent once per connection (consoleViewer). People are named by pseudonym, guests by the
// label the chair gave; check answers belong to parties and name no person.
import type { AttendanceStatus } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { latestAnswers } from "../decisions/rounds.ts";
import type { RoundAnswer, RoundResult } from "../decisions/rules.ts";
import { CURRENT_MEMBER, type MemberContext } from "../tables/queries.ts";
import { type DecisionView, decisionView } from "./decision-view.ts";
import { canMeet, sessionRunning } from "./policy.ts";
import { type BalanceRow, speakingBalance } from "./speaking.ts";

export type ConsoleTurn = {
  id: string;
  membershipId: string | null;
  label: string;
  partyId: string | null;
  partyName: string | null;
  chair: boolean;
  guest: boolean;
  raisedAt: string;
  startedAt: string | null;
};

export type ConsoleState = {
  meetingId: string;
  revision: number;
  /** The server's clock when the state was derived, so clients run timers on server time. */
  serverNow: string;
  title: string;
  openedAt: string | null;
  endedAt: string | null;
  running: boolean;
  agenda: { id: string; title: string; purpose: string; timeboxMinutes: number }[];
  currentItem: { id: string; startedAt: string } | null;
  speaking: ConsoleTurn | null;
  queue: ConsoleTurn[];
  balance: (BalanceRow & { name: string | null })[];
  attendance: { membershipId: string; pseudonym: string; role: string; partyName: string | null; status: AttendanceStatus | null }[];
  parties: { id: string; name: string }[];
  check: {
    id: string;
    proposal: string;
    rule: string;
    open: boolean;
    parties: { partyId: string; name: string; answer: RoundAnswer | null; reason: string }[];
    result: RoundResult | null;
  } | null;
  decisions: DecisionView[];
};

export type ConsoleViewer = {
  membershipId: string;
  partyId: string | null;
  mayRun: boolean;
  maySpeak: boolean;
  mayAnswer: boolean;
};

export function consoleViewer(member: MemberContext): ConsoleViewer {
  return {
    membershipId: member.id,
    partyId: member.partyId,
    mayRun: canMeet(member, "meetings.console.run", member.table),
    maySpeak: canMeet(member, "meetings.console.speak", member.table),
    mayAnswer: canMeet(member, "meetings.check.answer", member.table),
  };
}

/** For callers that have already checked the reader is a member of the meeting's table. */
export async function consoleState(db: Db, meetingId: string, now = new Date()): Promise<ConsoleState> {
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: {
      agenda: { where: { removedAt: null }, orderBy: { position: "asc" } },
      turns: { orderBy: [{ raisedAt: "asc" }, { id: "asc" }] },
      attendance: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      decisions: { orderBy: { createdAt: "asc" } },
    },
  });
  const [parties, members, rounds] = await Promise.all([
    db.party.findMany({ where: { tableId: meeting.tableId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } }),
    db.membership.findMany({
      where: { tableId: meeting.tableId, ...CURRENT_MEMBER },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, partyId: true, account: { select: { pseudonym: true } } },
    }),
    db.round.findMany({
      where: { meetingId, subject: "consensus_check" },
      orderBy: { openedAt: "desc" },
      take: 1,
      include: { parties: { orderBy: { position: "asc" } }, answers: true },
    }),
  ]);
  const partyName = new Map(parties.map((p) => [p.id, p.name]));
  const pseudonym = new Map(members.map((m) => [m.id, m.account.pseudonym]));
  const turn = (t: (typeof meeting.turns)[number]): ConsoleTurn => ({
    id: t.id,
    membershipId: t.membershipId,
    label: t.membershipId ? (pseudonym.get(t.membershipId) ?? "") : t.guestLabel,
    partyId: t.chair ? null : t.partyId,
    partyName: !t.chair && t.partyId ? (partyName.get(t.partyId) ?? null) : null,
    chair: t.chair,
    guest: t.membershipId === null,
    raisedAt: t.raisedAt.toISOString(),
    startedAt: t.startedAt?.toISOString() ?? null,
  });
  const latestMark = new Map<string, AttendanceStatus>();
  for (const mark of meeting.attendance) latestMark.set(mark.membershipId, mark.status);
  const present = members.filter((m) => {
    const status = latestMark.get(m.id);
    return m.partyId && (status === "present" || status === "online" || status === "left_early");
  });
  const partiesPresent = [...new Set(present.map((m) => m.partyId as string))];
  const balance = speakingBalance(
    meeting.turns
      .filter((t) => t.startedAt)
      .map((t) => ({ partyId: t.partyId, chair: t.chair, startedAt: t.startedAt as Date, endedAt: t.endedAt })),
    partiesPresent,
    meeting.endedAt ?? now,
  ).map((row) => ({ ...row, name: partyName.get(row.key) ?? null }));
  const round = rounds[0];
  const latest = round ? latestAnswers(round.answers, round.closedAt) : new Map();
  const item = meeting.agenda.find((i) => i.id === meeting.currentItemId);
  return {
    meetingId,
    revision: meeting.consoleRevision,
    serverNow: now.toISOString(),
    title: meeting.title,
    openedAt: meeting.openedAt?.toISOString() ?? null,
    endedAt: meeting.endedAt?.toISOString() ?? null,
    running: sessionRunning(meeting),
    agenda: meeting.agenda.map((i) => ({ id: i.id, title: i.title, purpose: i.purpose, timeboxMinutes: i.timeboxMinutes })),
    currentItem: item && meeting.itemStartedAt ? { id: item.id, startedAt: meeting.itemStartedAt.toISOString() } : null,
    speaking: (() => {
      const running = meeting.turns.find((t) => t.startedAt && !t.endedAt);
      return running ? turn(running) : null;
    })(),
    queue: meeting.turns.filter((t) => !t.startedAt && !t.withdrawnAt).map(turn),
    balance,
    attendance: members.map((m) => ({
      membershipId: m.id,
      pseudonym: m.account.pseudonym,
      role: m.role,
      partyName: m.partyId ? (partyName.get(m.partyId) ?? null) : null,
      status: latestMark.get(m.id) ?? null,
    })),
    parties,
    check: round
      ? {
          id: round.id,
          proposal: round.proposal,
          rule: round.rule,
          open: round.closedAt === null,
          parties: round.parties.map((p) => {
            const answer = latest.get(p.partyId);
            return {
              partyId: p.partyId,
              name: p.partyName,
              answer: (round.closedAt ? p.finalAnswer : (answer?.answer ?? null)) as RoundAnswer | null,
              reason: round.closedAt ? p.finalReason : (answer?.reason ?? ""),
            };
          }),
          result: (round.result as RoundResult | null) ?? null,
        }
      : null,
    decisions: meeting.decisions.map(decisionView),
  };
}
