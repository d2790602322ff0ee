// Everything Tafel holds about one person, for them to download (R7, and the right of access). It
// holds exactly their data: their account, sessions, consents and notifications, their places at
// tables, what each of those memberships wrote, their ledger entries, which payout details are
// stored, and the log's events about them. Nothing about anyone else: no other pseudonym, and where
// a record or event also refers to another person's membership, that reference is left out.
import type { Db } from "../../prisma/db.ts";
import { ledgerLines } from "../compensation/queries.ts";

type Row = Record<string, unknown>;

/**
 * A kind of record a membership writes, found by the column that holds the writer's membership id.
 * `load` selects what the person wrote (never another person's membership id, account or name)
 * plus that column, which the export turns into the table's title.
 */
type WrittenSource = {
  key: string;
  model: string;
  column: string;
  load: (db: Db, ids: string[]) => Promise<Row[]>;
};

const fact = { select: { code: true, title: true } } as const;
const meeting = { select: { title: true, startsAt: true } } as const;
const measure = { select: { title: true } } as const;

/**
 * Every [model, column] that names the membership that wrote a record, with why it belongs to
 * the person. A new membership-id column in the schema belongs here too (personal-data.test.ts
 * checks the schema against this list). Columns that name whom a record is about rather than who
 * wrote it (AttendanceMark.membershipId, SpeakingTurn.membershipId, …) are here when that is the
 * person: it is data about them. The ledger and the vault have their own sections below.
 */
export const WRITTEN_BY: readonly WrittenSource[] = [
  // The mandate versions they recorded as facilitator: their entry of the decision.
  {
    key: "mandates",
    model: "MandateVersion",
    column: "recordedBy",
    load: (db, ids) =>
      db.mandateVersion.findMany({
        where: { recordedBy: { in: ids } },
        select: {
          recordedBy: true,
          version: true,
          issuingBody: true,
          decisionReference: true,
          scope: true,
          amendmentNote: true,
          createdAt: true,
        },
      }),
  },
  // Breaches they marked as chair, with their note (the commitment itself is the party's).
  {
    key: "breaches",
    model: "Commitment",
    column: "breachedBy",
    load: (db, ids) =>
      db.commitment.findMany({
        where: { breachedBy: { in: ids } },
        select: { breachedBy: true, kind: true, breachNote: true, breachedAt: true },
      }),
  },
  // Their replies to a breach, for their party or under their pseudonym.
  {
    key: "breachResponses",
    model: "CommitmentResponse",
    column: "respondedBy",
    load: (db, ids) =>
      db.commitmentResponse.findMany({
        where: { respondedBy: { in: ids } },
        select: { respondedBy: true, text: true, attribution: true, createdAt: true },
      }),
  },
  // Their own independence declaration as chair: the ties they declared are about them.
  {
    key: "chairDeclarations",
    model: "ChairDeclaration",
    column: "membershipId",
    load: (db, ids) =>
      db.chairDeclaration.findMany({
        where: { membershipId: { in: ids } },
        select: { membershipId: true, declaredTies: true, noPoliticalOffice: true, noPartyDelegate: true, signedAt: true },
      }),
  },
  // Chairs they appointed: only when, since the declaration's content is the chair's.
  {
    key: "chairAppointments",
    model: "ChairDeclaration",
    column: "appointedBy",
    load: (db, ids) =>
      db.chairDeclaration.findMany({
        where: { appointedBy: { in: ids }, NOT: { membershipId: { in: ids } } },
        select: { appointedBy: true, signedAt: true },
      }),
  },
  // Vouches they gave as their party's contact: only when (whom is another person's data).
  {
    key: "vouchesGiven",
    model: "Membership",
    column: "vouchedBy",
    load: (db, ids) => db.membership.findMany({ where: { vouchedBy: { in: ids } }, select: { vouchedBy: true, vouchedAt: true } }),
  },
  // People they removed as facilitator: only when.
  {
    key: "removals",
    model: "Membership",
    column: "removedBy",
    load: (db, ids) =>
      db.membership.findMany({ where: { removedBy: { in: ids }, NOT: { id: { in: ids } } }, select: { removedBy: true, leftAt: true } }),
  },
  // Invitations they made (the token itself is never stored, only its hash, which stays out).
  {
    key: "invitationsMade",
    model: "Invitation",
    column: "createdByMembership",
    load: (db, ids) =>
      db.invitation.findMany({
        where: { createdByMembership: { in: ids } },
        select: { createdByMembership: true, role: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true },
      }),
  },
  // The invitation they came in with.
  {
    key: "invitationsUsed",
    model: "Invitation",
    column: "usedByMembership",
    load: (db, ids) =>
      db.invitation.findMany({ where: { usedByMembership: { in: ids } }, select: { usedByMembership: true, role: true, usedAt: true } }),
  },
  // Intended forms of participation they set as chair, with their rationale.
  {
    key: "intendedForms",
    model: "IntendedForm",
    column: "setBy",
    load: (db, ids) =>
      db.intendedForm.findMany({ where: { setBy: { in: ids } }, select: { setBy: true, form: true, rationale: true, createdAt: true } }),
  },
  // Their assessments of how their party experienced a phase, with the texts they corrected.
  {
    key: "perceptions",
    model: "Perception",
    column: "recordedBy",
    load: (db, ids) =>
      db.perception.findMany({
        where: { recordedBy: { in: ids } },
        select: {
          recordedBy: true,
          form: true,
          explanation: true,
          attribution: true,
          confidential: true,
          assessedOn: true,
          createdAt: true,
          revisions: { select: { form: true, explanation: true, writtenAt: true, replacedAt: true } },
        },
      }),
  },
  // Items they put on the list for the next meeting.
  {
    key: "nextMeetingItems",
    model: "NextMeetingItem",
    column: "addedBy",
    load: (db, ids) =>
      db.nextMeetingItem.findMany({ where: { addedBy: { in: ids } }, select: { addedBy: true, kind: true, note: true, createdAt: true } }),
  },
  // Their answers on the conditions for meaningful participation.
  {
    key: "conditionAnswers",
    model: "ConditionAnswer",
    column: "assessedBy",
    load: (db, ids) =>
      db.conditionAnswer.findMany({
        where: { assessedBy: { in: ids } },
        select: { assessedBy: true, item: true, answer: true, evidence: true, attribution: true, createdAt: true },
      }),
  },
  // Participation activities they created.
  {
    key: "participationActivities",
    model: "ParticipationActivity",
    column: "createdBy",
    load: (db, ids) =>
      db.participationActivity.findMany({
        where: { createdBy: { in: ids } },
        select: { createdBy: true, title: true, form: true, createdAt: true },
      }),
  },
  // Fact records they proposed.
  {
    key: "factsProposed",
    model: "Fact",
    column: "proposedBy",
    load: (db, ids) =>
      db.fact.findMany({
        where: { proposedBy: { in: ids } },
        select: { proposedBy: true, code: true, title: true, statement: true, createdAt: true },
      }),
  },
  // Their edits of fact records, with the note they gave (the content is the record's).
  {
    key: "factEdits",
    model: "FactRevision",
    column: "editedBy",
    load: (db, ids) =>
      db.factRevision.findMany({
        where: { editedBy: { in: ids } },
        select: { editedBy: true, fact, revision: true, note: true, createdAt: true },
      }),
  },
  // Positions they gave on facts for their party, with their reasoning.
  {
    key: "factPositions",
    model: "FactPosition",
    column: "recordedBy",
    load: (db, ids) =>
      db.factPosition.findMany({
        where: { recordedBy: { in: ids } },
        select: { recordedBy: true, fact, stance: true, reasoning: true, revision: true, createdAt: true },
      }),
  },
  // Status changes of facts they made, with their reason and wording.
  {
    key: "factStatusChanges",
    model: "FactStatusChange",
    column: "by",
    load: (db, ids) =>
      db.factStatusChange.findMany({
        where: { by: { in: ids } },
        select: { by: true, fact, from: true, to: true, reason: true, wording: true, createdAt: true },
      }),
  },
  // Links between facts they made.
  {
    key: "factLinks",
    model: "FactLink",
    column: "createdBy",
    load: (db, ids) =>
      db.factLink.findMany({
        where: { createdBy: { in: ids } },
        select: { createdBy: true, from: fact, to: fact, type: true, note: true, createdAt: true, removedAt: true },
      }),
  },
  // Links between facts they removed.
  {
    key: "factLinksRemoved",
    model: "FactLink",
    column: "removedBy",
    load: (db, ids) =>
      db.factLink.findMany({
        where: { removedBy: { in: ids } },
        select: { removedBy: true, from: fact, to: fact, type: true, removedAt: true },
      }),
  },
  // Questions they asked about the facts.
  {
    key: "factQuestions",
    model: "FactQuestion",
    column: "createdBy",
    load: (db, ids) =>
      db.factQuestion.findMany({
        where: { createdBy: { in: ids } },
        select: { createdBy: true, question: true, dueOn: true, createdAt: true, withdrawnAt: true },
      }),
  },
  // Questions they withdrew.
  {
    key: "factQuestionsWithdrawn",
    model: "FactQuestion",
    column: "withdrawnBy",
    load: (db, ids) =>
      db.factQuestion.findMany({ where: { withdrawnBy: { in: ids } }, select: { withdrawnBy: true, question: true, withdrawnAt: true } }),
  },
  // Their answers to questions about the facts.
  {
    key: "factAnswers",
    model: "FactAnswer",
    column: "answeredBy",
    load: (db, ids) =>
      db.factAnswer.findMany({
        where: { answeredBy: { in: ids } },
        select: { answeredBy: true, question: { select: { question: true } }, text: true, createdAt: true },
      }),
  },
  // Scheduling polls they proposed.
  {
    key: "pollsProposed",
    model: "MeetingPoll",
    column: "createdBy",
    load: (db, ids) =>
      db.meetingPoll.findMany({ where: { createdBy: { in: ids } }, select: { createdBy: true, title: true, note: true, createdAt: true } }),
  },
  // Polls they closed (a slot chosen, or withdrawn).
  {
    key: "pollsClosed",
    model: "MeetingPoll",
    column: "closedBy",
    load: (db, ids) =>
      db.meetingPoll.findMany({ where: { closedBy: { in: ids } }, select: { closedBy: true, title: true, closedAt: true } }),
  },
  // When they said they could come.
  {
    key: "pollAnswers",
    model: "PollSlotAnswer",
    column: "membershipId",
    load: (db, ids) =>
      db.pollSlotAnswer.findMany({
        where: { membershipId: { in: ids } },
        select: { membershipId: true, slot: { select: { startsAt: true } }, answer: true, createdAt: true },
      }),
  },
  // Meetings they scheduled.
  {
    key: "meetingsScheduled",
    model: "Meeting",
    column: "createdBy",
    load: (db, ids) =>
      db.meeting.findMany({ where: { createdBy: { in: ids } }, select: { createdBy: true, title: true, startsAt: true, createdAt: true } }),
  },
  // Whether they said they would attend.
  {
    key: "meetingReplies",
    model: "MeetingReply",
    column: "membershipId",
    load: (db, ids) =>
      db.meetingReply.findMany({
        where: { membershipId: { in: ids } },
        select: { membershipId: true, meeting, attending: true, createdAt: true },
      }),
  },
  // Agenda items they added.
  {
    key: "agendaItems",
    model: "AgendaItem",
    column: "createdBy",
    load: (db, ids) =>
      db.agendaItem.findMany({
        where: { createdBy: { in: ids } },
        select: { createdBy: true, meeting, title: true, purpose: true, createdAt: true, removedAt: true },
      }),
  },
  // Agenda items they removed.
  {
    key: "agendaItemsRemoved",
    model: "AgendaItem",
    column: "removedBy",
    load: (db, ids) =>
      db.agendaItem.findMany({ where: { removedBy: { in: ids } }, select: { removedBy: true, meeting, title: true, removedAt: true } }),
  },
  // Versions of shared documents they froze: which and when, not the text, which many wrote.
  {
    key: "versionsFrozen",
    model: "DocVersion",
    column: "frozenBy",
    load: (db, ids) =>
      db.docVersion.findMany({
        where: { frozenBy: { in: ids } },
        select: { frozenBy: true, docName: true, number: true, createdAt: true },
      }),
  },
  // Rounds they opened.
  {
    key: "roundsOpened",
    model: "Round",
    column: "openedBy",
    load: (db, ids) =>
      db.round.findMany({
        where: { openedBy: { in: ids } },
        select: { openedBy: true, subject: true, proposal: true, deadline: true, openedAt: true },
      }),
  },
  // Rounds they closed before the deadline.
  {
    key: "roundsClosed",
    model: "Round",
    column: "closedBy",
    load: (db, ids) => db.round.findMany({ where: { closedBy: { in: ids } }, select: { closedBy: true, subject: true, closedAt: true } }),
  },
  // Their answers in rounds, for their party.
  {
    key: "roundAnswers",
    model: "RoundAnswer",
    column: "answeredBy",
    load: (db, ids) =>
      db.roundAnswer.findMany({
        where: { answeredBy: { in: ids } },
        select: { answeredBy: true, round: { select: { subject: true } }, answer: true, reason: true, createdAt: true },
      }),
  },
  // Their turns in the speaking queue.
  {
    key: "speakingTurns",
    model: "SpeakingTurn",
    column: "membershipId",
    load: (db, ids) =>
      db.speakingTurn.findMany({
        where: { membershipId: { in: ids } },
        select: { membershipId: true, meeting, raisedAt: true, startedAt: true, endedAt: true, withdrawnAt: true },
      }),
  },
  // Turns they added for someone else as chair: only when (the guest's label names someone else).
  {
    key: "speakingTurnsAdded",
    model: "SpeakingTurn",
    column: "addedBy",
    load: (db, ids) =>
      db.speakingTurn.findMany({
        where: { addedBy: { in: ids }, OR: [{ membershipId: null }, { membershipId: { notIn: ids } }] },
        select: { addedBy: true, meeting, raisedAt: true },
      }),
  },
  // Their attendance, as recorded.
  {
    key: "attendance",
    model: "AttendanceMark",
    column: "membershipId",
    load: (db, ids) =>
      db.attendanceMark.findMany({
        where: { membershipId: { in: ids } },
        select: { membershipId: true, meeting, status: true, createdAt: true },
      }),
  },
  // Attendance they recorded as chair or secretary: when, not whose.
  {
    key: "attendanceRecorded",
    model: "AttendanceMark",
    column: "recordedBy",
    load: (db, ids) =>
      db.attendanceMark.findMany({ where: { recordedBy: { in: ids } }, select: { recordedBy: true, meeting, createdAt: true } }),
  },
  // Decisions they recorded.
  {
    key: "decisions",
    model: "Decision",
    column: "recordedBy",
    load: (db, ids) =>
      db.decision.findMany({
        where: { recordedBy: { in: ids } },
        select: { recordedBy: true, meeting, text: true, domain: true, createdAt: true },
      }),
  },
  // Follow-up actions they added.
  {
    key: "followUps",
    model: "FollowUpAction",
    column: "createdBy",
    load: (db, ids) =>
      db.followUpAction.findMany({
        where: { createdBy: { in: ids } },
        select: { createdBy: true, text: true, dueDate: true, createdAt: true },
      }),
  },
  // Status changes of follow-up actions they made.
  {
    key: "followUpChanges",
    model: "ActionStatusChange",
    column: "changedBy",
    load: (db, ids) =>
      db.actionStatusChange.findMany({
        where: { changedBy: { in: ids } },
        select: { changedBy: true, action: { select: { text: true } }, status: true, note: true, createdAt: true },
      }),
  },
  // Compensation policies they set.
  {
    key: "compensationPolicies",
    model: "CompensationPolicy",
    column: "setBy",
    load: (db, ids) =>
      db.compensationPolicy.findMany({
        where: { setBy: { in: ids } },
        select: { setBy: true, validFrom: true, hourRateCents: true, budgetCents: true, createdAt: true },
      }),
  },
  // Ledger entries they made for someone else (a claim on their own is in the ledger section).
  {
    key: "ledgerEntriesMade",
    model: "LedgerEntry",
    column: "createdBy",
    load: (db, ids) =>
      db.ledgerEntry.findMany({
        where: { createdBy: { in: ids }, membershipId: { notIn: ids } },
        select: { createdBy: true, category: true, amountCents: true, occurredOn: true, createdAt: true },
      }),
  },
  // What they did to ledger entries: confirmations, adjustments, disputes, approvals, payments.
  {
    key: "ledgerEvents",
    model: "LedgerEvent",
    column: "recordedBy",
    load: (db, ids) =>
      db.ledgerEvent.findMany({
        where: { recordedBy: { in: ids } },
        select: { recordedBy: true, kind: true, amountCents: true, payoutRoute: true, note: true, createdAt: true },
      }),
  },
  // Measures they created.
  {
    key: "measures",
    model: "Measure",
    column: "createdBy",
    load: (db, ids) =>
      db.measure.findMany({
        where: { createdBy: { in: ids } },
        select: { createdBy: true, title: true, kind: true, purpose: true, createdAt: true },
      }),
  },
  // Status changes of measures they made, with their reason.
  {
    key: "measureStatusChanges",
    model: "MeasureStatusChange",
    column: "changedBy",
    load: (db, ids) =>
      db.measureStatusChange.findMany({
        where: { changedBy: { in: ids } },
        select: { changedBy: true, measure, fromStatus: true, toStatus: true, reason: true, createdAt: true },
      }),
  },
  // Adoptions of measures they recorded.
  {
    key: "measureAdoptions",
    model: "MeasureAdoption",
    column: "recordedBy",
    load: (db, ids) =>
      db.measureAdoption.findMany({
        where: { recordedBy: { in: ids } },
        select: { recordedBy: true, measure, body: true, reference: true, decidedOn: true, createdAt: true },
      }),
  },
  // Impact checks they opened.
  {
    key: "impactChecksOpened",
    model: "ImpactCheck",
    column: "openedBy",
    load: (db, ids) => db.impactCheck.findMany({ where: { openedBy: { in: ids } }, select: { openedBy: true, measure, openedAt: true } }),
  },
  // Their party's answers in impact checks, given by them.
  {
    key: "impactResponses",
    model: "ImpactResponse",
    column: "recordedBy",
    load: (db, ids) =>
      db.impactResponse.findMany({
        where: { recordedBy: { in: ids } },
        select: {
          recordedBy: true,
          declined: true,
          declineReason: true,
          createdAt: true,
          assessments: { select: { dimension: true, effect: true, forWhom: true, reasoning: true } },
        },
      }),
  },
  // Mitigations they recorded.
  {
    key: "mitigations",
    model: "Mitigation",
    column: "recordedBy",
    load: (db, ids) =>
      db.mitigation.findMany({
        where: { recordedBy: { in: ids } },
        select: { recordedBy: true, measure, kind: true, dimension: true, text: true, createdAt: true, removedAt: true },
      }),
  },
  // Mitigations they removed.
  {
    key: "mitigationsRemoved",
    model: "Mitigation",
    column: "removedBy",
    load: (db, ids) =>
      db.mitigation.findMany({ where: { removedBy: { in: ids } }, select: { removedBy: true, measure, text: true, removedAt: true } }),
  },
  // Monitoring indicators they added.
  {
    key: "indicators",
    model: "MonitoringIndicator",
    column: "createdBy",
    load: (db, ids) =>
      db.monitoringIndicator.findMany({
        where: { createdBy: { in: ids } },
        select: { createdBy: true, measure, name: true, createdAt: true },
      }),
  },
  // Reviews they planned.
  {
    key: "reviewsPlanned",
    model: "MeasureReview",
    column: "createdBy",
    load: (db, ids) =>
      db.measureReview.findMany({
        where: { createdBy: { in: ids } },
        select: { createdBy: true, measure, scheduledFor: true, createdAt: true },
      }),
  },
  // Reviews they opened.
  {
    key: "reviewsOpened",
    model: "MeasureReview",
    column: "openedBy",
    load: (db, ids) => db.measureReview.findMany({ where: { openedBy: { in: ids } }, select: { openedBy: true, measure, openedAt: true } }),
  },
  // Review outcomes they recorded, with their note.
  {
    key: "reviewsDecided",
    model: "MeasureReview",
    column: "decidedBy",
    load: (db, ids) =>
      db.measureReview.findMany({
        where: { decidedBy: { in: ids } },
        select: { decidedBy: true, measure, outcome: true, outcomeNote: true, decidedAt: true },
      }),
  },
  // Indicator values they recorded.
  {
    key: "indicatorValues",
    model: "IndicatorValue",
    column: "recordedBy",
    load: (db, ids) =>
      db.indicatorValue.findMany({
        where: { recordedBy: { in: ids } },
        select: { recordedBy: true, indicator: { select: { name: true } }, measuredOn: true, value: true, note: true, createdAt: true },
      }),
  },
  // Their party's assessments at reviews, given by them.
  {
    key: "reviewAssessments",
    model: "ReviewAssessment",
    column: "recordedBy",
    load: (db, ids) =>
      db.reviewAssessment.findMany({
        where: { recordedBy: { in: ids } },
        select: { recordedBy: true, verdict: true, safety: true, health: true, autonomy: true, reasoning: true, createdAt: true },
      }),
  },
];

/**
 * Membership-id columns that are not in WRITTEN_BY, and why. Together the two lists cover every
 * such column of the schema (personal-data.test.ts checks it).
 */
export const OTHER_MEMBERSHIP_COLUMNS: readonly { model: string; column: string; why: string }[] = [
  { model: "LedgerEntry", column: "membershipId", why: "the ledger section: their own entries" },
  { model: "VaultValue", column: "membershipId", why: "the vault section: which fields are stored" },
];

/** A value of an audit event that is their own membership (or session) id, or another member's. */
export const AUDIT_YOU = "you";
export const AUDIT_OTHER_MEMBER = "another member";

export type PersonalData = NonNullable<Awaited<ReturnType<typeof personalData>>>;

/** Everything held about the account; null when there is no such account (or it was erased). */
export async function personalData(db: Db, accountId: string, now: Date = new Date()) {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: {
      signInName: true,
      pseudonym: true,
      locale: true,
      presenceEnabled: true,
      createdAt: true,
      erasedAt: true,
      secondFactorDueAt: true,
      // Whether and since when, never the secret.
      secondFactor: { select: { confirmedAt: true } },
    },
  });
  if (!account || account.erasedAt) return null;
  const sessions = await db.session.findMany({
    where: { accountId },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, lastSeenAt: true, revokedAt: true },
  });
  const consents = await db.consentRecord.findMany({
    where: { accountId },
    orderBy: { givenAt: "asc" },
    select: { kind: true, textVersion: true, choice: true, givenAt: true, withdrawnAt: true },
  });
  const notifications = await db.notification.findMany({
    where: { accountId },
    orderBy: { createdAt: "asc" },
    select: { kind: true, link: true, createdAt: true, readAt: true },
  });
  const memberships = await db.membership.findMany({
    where: { accountId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      tableId: true,
      role: true,
      partyContact: true,
      createdAt: true,
      leftAt: true,
      removedBy: true,
      vouchedByPartyId: true,
      vouchedAt: true,
      table: { select: { title: true } },
      party: { select: { name: true } },
    },
  });
  const ids = memberships.map((m) => m.id);
  const tableOf = new Map(memberships.map((m) => [m.id, m.table.title]));

  const written: Record<string, Row[]> = {};
  if (ids.length > 0) {
    for (const source of WRITTEN_BY) {
      const rows = await source.load(db, ids);
      if (rows.length === 0) continue;
      written[source.key] = rows.map(({ [source.column]: by, ...rest }) => ({ table: tableOf.get(String(by)) ?? null, ...rest }));
    }
  }

  const ledger = [];
  for (const membership of memberships) {
    for (const line of await ledgerLines(db, membership.tableId, { membershipId: membership.id })) {
      ledger.push({
        table: membership.table.title,
        occurredOn: line.occurredOn,
        category: line.category,
        unit: line.unit,
        quantityHundredths: line.quantityHundredths,
        rateCents: line.rateCents,
        amountCents: line.amountCents,
        payoutRoute: line.payoutRoute,
        status: line.status,
        description: line.description,
        dispute: line.dispute,
        reversal: line.reversesId !== null,
      });
    }
  }

  // Field names and dates only, never the decrypted values: this file is saved on a device and
  // can be found by others there, while the vault keeps the details sealed. The person reads (and
  // deletes) the details themselves on the table's compensation page.
  const vault = (
    await db.vaultValue.findMany({
      where: { membershipId: { in: ids } },
      orderBy: { createdAt: "asc" },
      select: { membershipId: true, field: true, createdAt: true },
    })
  ).map((v) => ({ table: tableOf.get(v.membershipId) ?? null, field: v.field, storedAt: v.createdAt }));

  const audit = await auditEventsAbout(db, accountId, memberships);

  return {
    exportedAt: now,
    account: {
      signInName: account.signInName,
      pseudonym: account.pseudonym,
      locale: account.locale,
      presenceEnabled: account.presenceEnabled,
      createdAt: account.createdAt,
      secondFactorOnSince: account.secondFactor?.confirmedAt ?? null,
      secondFactorDueAt: account.secondFactorDueAt,
    },
    sessions,
    consents,
    notifications,
    memberships: memberships.map((m) => ({
      table: m.table.title,
      role: m.role,
      party: m.party?.name ?? null,
      partyContact: m.partyContact,
      joinedAt: m.createdAt,
      leftAt: m.leftAt,
      removed: m.leftAt !== null && m.removedBy !== null,
      vouched: m.vouchedByPartyId !== null,
      vouchedAt: m.vouchedAt,
    })),
    written,
    ledger,
    vault,
    audit,
  };
}

/**
 * The log's events with their account id, and the table events that name one of their
 * memberships. Other people's membership ids in those events are replaced, so the export says
 * "another member" where the log holds someone else.
 */
async function auditEventsAbout(db: Db, accountId: string, memberships: { id: string; tableId: string; table: { title: string } }[]) {
  const own = new Set(memberships.map((m) => m.id));
  const tableIds = [...new Set(memberships.map((m) => m.tableId))];
  const titleOf = new Map(memberships.map((m) => [m.tableId, m.table.title]));
  const others = new Set(
    tableIds.length > 0
      ? (await db.membership.findMany({ where: { tableId: { in: tableIds }, NOT: { accountId } }, select: { id: true } })).map((m) => m.id)
      : [],
  );
  const sessions = new Set((await db.session.findMany({ where: { accountId }, select: { id: true } })).map((s) => s.id));
  const events = await db.auditEvent.findMany({
    where: { OR: [{ accountId }, ...(tableIds.length > 0 ? [{ tableId: { in: tableIds } }] : [])] },
    orderBy: { id: "asc" },
    select: { accountId: true, tableId: true, action: true, data: true, createdAt: true },
  });
  const values = (data: unknown) => Object.values((data ?? {}) as Record<string, unknown>);
  return events
    .filter((event) => event.accountId === accountId || values(event.data).some((value) => typeof value === "string" && own.has(value)))
    .map((event) => ({
      at: event.createdAt,
      table: event.tableId ? (titleOf.get(event.tableId) ?? null) : null,
      action: event.action,
      data: Object.fromEntries(
        Object.entries((event.data ?? {}) as Record<string, unknown>).map(([key, value]) => [
          key,
          typeof value === "string" && (own.has(value) || sessions.has(value))
            ? AUDIT_YOU
            : typeof value === "string" && others.has(value)
              ? AUDIT_OTHER_MEMBER
              : value,
        ]),
      ),
    }));
}
