// The participation matrix, party × phase: what was intended, what each party experienced
// (latest assessment, with the earlier ones as a timeline), and where the two differ. Shaped for
// one reader by the policy: confidential text, whom a contribution names, what they may correct.
import type { Attribution } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { listParties } from "../tables/parties.ts";
import { listPhases } from "../tables/phases.ts";
import { authorize, NAMED_MEMBER } from "../tables/queries.ts";
import { findGaps, type Gap } from "./gaps.ts";
import type { Form } from "./model.ts";
import {
  type CorrectionVerdict,
  canParticipate,
  contributionVoice,
  PARTICIPATION_ACTIONS,
  type ParticipationAction,
  partyVoiceOf,
  perceptionCorrection,
  type Voice,
  visibleText,
} from "./policy.ts";

export type RevisionView = {
  form: Form;
  /** Empty when it was confidential and the reader may not read it. */
  explanation: string;
  confidential: boolean;
  assessedOn: Date;
  writtenAt: Date;
  replacedAt: Date;
};

export type PerceptionView = {
  id: string;
  form: Form;
  /** Empty when the party kept it for the chair only and the reader is not the chair or that party. */
  explanation: string;
  confidential: boolean;
  attribution: Attribution;
  /** Whom it names: the party, or the recorder's pseudonym when they chose to speak as a person. */
  author: Voice;
  assessedOn: Date;
  createdAt: Date;
  updatedAt: Date;
  /** The latest assessment of its party and phase; the others are history. */
  current: boolean;
  /** What the reader may do with it: correct it, add a new assessment in its place, or nothing. */
  correction: CorrectionVerdict;
  /** Earlier texts of this assessment, replaced by its author's corrections, oldest first. */
  revisions: RevisionView[];
};

export async function participationMatrix(db: Db, accountId: string, tableId: string, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "table.view");
  const parties = await listParties(db, tableId);
  const phases = await listPhases(db, tableId);
  const intended = await db.intendedForm.findMany({ where: { tableId }, orderBy: { createdAt: "asc" } });
  const perceptions = await db.perception.findMany({
    where: { tableId },
    orderBy: [{ assessedOn: "asc" }, { createdAt: "asc" }],
    include: { revisions: { orderBy: { replacedAt: "asc" } } },
  });
  const named = [...new Set(perceptions.filter((p) => p.attribution === "person").map((p) => p.recordedBy))];
  const authors = named.length
    ? await db.membership.findMany({
        where: { id: { in: named }, ...NAMED_MEMBER },
        select: { id: true, account: { select: { pseudonym: true } } },
      })
    : [];
  const pseudonyms = new Map(authors.map((a) => [a.id, { pseudonym: a.account.pseudonym }]));
  const mayRecord = canParticipate(member, "participation.perception.record", member.table);

  const cells = parties.flatMap((party) =>
    phases.map((phase) => {
      const intendedHistory = intended.filter((i) => i.partyId === party.id && i.phaseId === phase.id);
      const own = perceptions.filter((p) => p.partyId === party.id && p.phaseId === phase.id);
      const timeline: PerceptionView[] = own.map((p, index) => ({
        id: p.id,
        form: p.form,
        explanation: visibleText(member, { partyId: p.partyId, confidential: p.confidential, text: p.explanation }),
        confidential: p.confidential,
        attribution: p.attribution,
        author: contributionVoice(p, pseudonyms.get(p.recordedBy) ?? null),
        assessedOn: p.assessedOn,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        current: index === own.length - 1,
        correction: mayRecord ? perceptionCorrection(member, p, now) : "forbidden",
        revisions: p.revisions.map((r) => ({
          form: r.form,
          explanation: visibleText(member, { partyId: p.partyId, confidential: r.confidential, text: r.explanation }),
          confidential: r.confidential,
          assessedOn: r.assessedOn,
          writtenAt: r.writtenAt,
          replacedAt: r.replacedAt,
        })),
      }));
      const current = intendedHistory.at(-1);
      return {
        partyId: party.id,
        partyType: party.type,
        phaseId: phase.id,
        intended: current?.form ?? null,
        rationale: current?.rationale ?? "",
        intendedHistory: intendedHistory.map((i) => ({ form: i.form, rationale: i.rationale, at: i.createdAt })),
        perceived: timeline.at(-1)?.form ?? null,
        timeline,
      };
    }),
  );
  const gaps: Gap[] = findGaps(cells);
  const agenda = await db.nextMeetingItem.findMany({
    where: { tableId, kind: "participation_gap", doneAt: null },
    select: { partyId: true, phaseId: true },
  });
  const may = Object.fromEntries(PARTICIPATION_ACTIONS.map((action) => [action, canParticipate(member, action, member.table)])) as Record<
    ParticipationAction,
    boolean
  >;
  return {
    parties,
    phases,
    cells,
    gaps,
    onAgenda: agenda,
    may,
    me: { role: member.role, partyId: member.partyId, speaksFor: partyVoiceOf(member) },
  };
}
