// The conditions for meaningful participation (Proud/SoaAids 2018): the three core questions
// (information, opportunity, responsibility) and the further conditions. Each party answers for
// itself, through its own delegates; differing answers are shown side by side, never merged into a
// score. The chair and the facilitator may give their own answer for the whole table, shown under
// their role and never in a party's column.

import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorize, NAMED_MEMBER } from "../tables/queries.ts";
import { authorizeParticipation } from "./access.ts";
import { attributionSchema } from "./model.ts";
import {
  type ConditionVoice,
  canParticipate,
  conditionVoiceOf,
  contributionVoice,
  PROCESS_OWNER_ROLES,
  type ProcessOwnerRole,
  type Voice,
} from "./policy.ts";

export const CONDITION_GROUPS = {
  information: ["INF-1", "INF-2", "INF-3", "INF-4"],
  opportunity: ["OPP-1", "OPP-2", "OPP-3", "OPP-4"],
  responsibility: ["RES-1", "RES-2"],
  capacity: ["CB-1", "CB-2", "CB-3"],
  commitment: ["COM-1", "COM-2", "COM-3"],
  finance: ["FIN-1", "FIN-2", "FIN-3"],
  environment: ["ENV-1", "ENV-2", "ENV-3"],
} as const;
export const CONDITION_ITEMS = Object.values(CONDITION_GROUPS).flat();
export type ConditionItem = (typeof CONDITION_ITEMS)[number];
export const ANSWERS = ["met", "partly", "not_met", "not_applicable"] as const;
export type Answer = (typeof ANSWERS)[number];

const answerSchema = z.object({
  phaseId: z.union([z.literal(""), z.string().uuid()]).default(""),
  item: z.enum(CONDITION_ITEMS as [ConditionItem, ...ConditionItem[]]),
  answer: z.enum(ANSWERS),
  evidence: z.string().trim().max(2000).default(""),
  attribution: attributionSchema,
});

/**
 * A member answers a condition: a delegate for their own party (taken from the membership, never
 * from the form), the chair or facilitator as themselves for the whole table. A new answer is added;
 * earlier ones stay as the answer's history.
 */
export async function answerCondition(db: Db, accountId: string, tableId: string, input: z.input<typeof answerSchema>, now = new Date()) {
  const member = await authorizeParticipation(db, accountId, tableId, "participation.conditions.answer");
  const parsed = parseInput(answerSchema, input);
  const { item, answer, evidence } = parsed;
  const phaseId = parsed.phaseId || null;
  const voice = conditionVoiceOf(member, { phaseId });
  if (!voice) throw new AppError(member.role === "delegate" ? "NO_PARTY_TO_SPEAK_FOR" : "PROCESS_ANSWERS_WHOLE_TABLE");
  if (phaseId && !(await db.phase.findFirst({ where: { id: phaseId, tableId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
  // A process owner answers in their role; naming a person or an organisation does not apply.
  const attribution = voice.kind === "party" ? parsed.attribution : "organisation";
  return db.$transaction(async (tx) => {
    const row = await tx.conditionAnswer.create({
      data: {
        tableId,
        phaseId,
        partyId: voice.kind === "party" ? voice.partyId : null,
        ownerRole: voice.kind === "process" ? voice.role : null,
        item,
        answer,
        evidence,
        attribution,
        assessedBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "participation.condition_answered",
        tableId,
        data:
          voice.kind === "party"
            ? { by: member.id, party: voice.partyId, phase: phaseId, item, answer, attribution }
            : { by: member.id, as: voice.role, phase: phaseId, item, answer },
      },
      now,
    );
    return row;
  });
}

export type AnswerView = {
  answer: Answer;
  evidence: string;
  at: Date;
  /** Whom the answer names besides its column: a person only when they chose so. */
  author: Voice;
};

export type VoiceAnswers = AnswerView & {
  voice: ConditionVoice;
  /** Earlier answers of the same party (or process owner) to the same condition, newest first. */
  earlier: AnswerView[];
};

const voiceKey = (voice: ConditionVoice) => (voice.kind === "party" ? `party:${voice.partyId}` : `process:${voice.role}`);

/**
 * Per condition, each party's latest answer with its history (for one phase, or the table as a
 * whole), the process owners' own answers apart, and what the reader may answer as here.
 */
export async function conditionsOverview(db: Db, accountId: string, tableId: string, phaseId: string | null) {
  const member = await authorize(db, accountId, tableId, "table.view");
  if (phaseId && !isUuid(phaseId)) throw new AppError("NOT_FOUND");
  const rows = await db.conditionAnswer.findMany({ where: { tableId, phaseId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  const named = [...new Set(rows.filter((row) => row.attribution === "person").map((row) => row.assessedBy))];
  const authors = named.length
    ? await db.membership.findMany({
        where: { id: { in: named }, ...NAMED_MEMBER },
        select: { id: true, account: { select: { pseudonym: true } } },
      })
    : [];
  const pseudonyms = new Map(authors.map((a) => [a.id, { pseudonym: a.account.pseudonym }]));

  const byVoice = new Map<string, VoiceAnswers>();
  for (const row of rows) {
    const voice: ConditionVoice | null = row.partyId
      ? { kind: "party", partyId: row.partyId }
      : row.ownerRole && (PROCESS_OWNER_ROLES as readonly string[]).includes(row.ownerRole)
        ? { kind: "process", role: row.ownerRole as ProcessOwnerRole }
        : null;
    if (!voice) continue;
    const view: AnswerView = {
      answer: row.answer,
      evidence: row.evidence,
      at: row.createdAt,
      author: voice.kind === "party" ? contributionVoice(row, pseudonyms.get(row.assessedBy) ?? null) : voice,
    };
    const key = `${row.item}|${voiceKey(voice)}`;
    const latest = byVoice.get(key);
    // Rows come newest first: the first one seen is the answer that counts.
    if (latest) latest.earlier.push(view);
    else byVoice.set(key, { ...view, voice, earlier: [] });
  }
  const items = CONDITION_ITEMS.map((item) => {
    const answers = [...byVoice.entries()].filter(([key]) => key.startsWith(`${item}|`)).map(([, answers]) => answers);
    const parties = answers.filter((a) => a.voice.kind === "party");
    return { item, answers, differs: new Set(parties.map((a) => a.answer)).size > 1 };
  });
  const processRoles = PROCESS_OWNER_ROLES.filter((role) =>
    items.some((row) => row.answers.some((a) => a.voice.kind === "process" && a.voice.role === role)),
  );
  const mayAnswer = canParticipate(member, "participation.conditions.answer", member.table);
  const mine = mayAnswer ? conditionVoiceOf(member, { phaseId }) : null;
  // A process owner looking at a phase may answer, but only for the whole table.
  const onlyWholeTable = mayAnswer && mine === null && conditionVoiceOf(member, { phaseId: null })?.kind === "process";
  return { items, processRoles, mine, onlyWholeTable };
}
