// The conditions for meaningful participation (Proud/SoaAids 2018): the three core questions
// (information, opportunity, responsibility) and the further conditions. Each party answers for
// itself; differing answers are shown side by side, never merged into a score.
import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { authorize } from "../tables/queries.ts";

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

const answerSchema = z.object({
  partyId: z.string().uuid(),
  phaseId: z.union([z.literal(""), z.string().uuid()]).default(""),
  item: z.enum(CONDITION_ITEMS as [ConditionItem, ...ConditionItem[]]),
  answer: z.enum(ANSWERS),
  evidence: z.string().trim().max(2000).default(""),
});

export async function answerCondition(db: Db, accountId: string, tableId: string, input: z.input<typeof answerSchema>, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "participation.conditions.answer");
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { field: String(parsed.error.issues[0]?.path[0] ?? "") });
  const { partyId, item, answer, evidence } = parsed.data;
  const phaseId = parsed.data.phaseId || null;
  // Delegates answer for their own party; the facilitator and chair may record a party's answer.
  if (member.role === "delegate" && member.partyId !== partyId) throw new AppError("FORBIDDEN");
  if (!(await db.party.findFirst({ where: { id: partyId, tableId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
  if (phaseId && !(await db.phase.findFirst({ where: { id: phaseId, tableId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const row = await tx.conditionAnswer.create({
      data: { tableId, phaseId, partyId, item, answer, evidence, assessedBy: member.id, createdAt: now },
      select: { id: true },
    });
    await recordAudit(
      tx,
      { action: "participation.condition_answered", tableId, data: { by: member.id, party: partyId, item, answer } },
      now,
    );
    return row;
  });
}

/** Per condition, each party's latest answer (for one phase, or the table as a whole). */
export async function conditionsOverview(db: Db, accountId: string, tableId: string, phaseId: string | null) {
  await authorize(db, accountId, tableId, "table.view");
  if (phaseId && !isUuid(phaseId)) throw new AppError("NOT_FOUND");
  const rows = await db.conditionAnswer.findMany({ where: { tableId, phaseId }, orderBy: { createdAt: "asc" } });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(`${row.item}|${row.partyId}`, row);
  return CONDITION_ITEMS.map((item) => {
    const answers = [...latest.values()]
      .filter((row) => row.item === item)
      .map((row) => ({ partyId: row.partyId, answer: row.answer, evidence: row.evidence, at: row.createdAt }));
    return { item, answers, differs: new Set(answers.map((a) => a.answer)).size > 1 };
  });
}
