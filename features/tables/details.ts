// A table's own description: its question, where, status, languages, decision rule, publicity.
import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { tableTitleSchema } from "./model.ts";
import { statusChangeProblem, TABLE_STATUSES } from "./policy.ts";
import { authorize } from "./queries.ts";

export const LANGUAGE_CODES = ["nl", "en", "ro", "es", "bg", "hu", "pl", "pt", "th", "uk"] as const;
export const DECISION_RULES = ["all_or_most", "consent", "unanimity"] as const;

export const tableDetailsSchema = z.object({
  title: tableTitleSchema,
  policyQuestion: z.string().trim().max(2000, { message: "INVALID_INPUT" }),
  municipality: z.string().trim().max(120, { message: "INVALID_INPUT" }),
  region: z.string().trim().max(120, { message: "INVALID_INPUT" }),
  languages: z.array(z.enum(LANGUAGE_CODES)).min(1, { message: "LANGUAGES_REQUIRED" }),
  decisionRule: z.enum(DECISION_RULES),
  publicSummary: z.boolean(),
});
export type TableDetailsInput = z.input<typeof tableDetailsSchema>;

const DETAIL_FIELDS = {
  title: true,
  policyQuestion: true,
  municipality: true,
  region: true,
  languages: true,
  decisionRule: true,
  publicSummary: true,
} as const;

export async function updateTableDetails(db: Db, accountId: string, tableId: string, input: TableDetailsInput, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "table.edit");
  const details = parseInput(tableDetailsSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.table.findUniqueOrThrow({ where: { id: tableId }, select: DETAIL_FIELDS });
    await tx.table.update({ where: { id: tableId }, data: { ...details, updatedAt: now } });
    // The log says which details changed, not their text (that is on the table page).
    const fields = (Object.keys(DETAIL_FIELDS) as (keyof typeof DETAIL_FIELDS)[]).filter(
      (field) => JSON.stringify(before[field]) !== JSON.stringify(details[field]),
    );
    await recordAudit(tx, { action: "table.details_changed", tableId, data: { by: member.id, fields: fields.join(",") } }, now);
  });
}

export async function changeTableStatus(db: Db, accountId: string, tableId: string, status: unknown, now = new Date()) {
  const member = await authorize(db, accountId, tableId, "table.status.change");
  const parsed = z.enum(TABLE_STATUSES).safeParse(status);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { field: "status" });
  await db.$transaction(async (tx) => {
    const before = await tx.table.findUniqueOrThrow({ where: { id: tableId }, select: { status: true, archivedAt: true } });
    const problem = statusChangeProblem(before);
    if (problem) throw new AppError(problem);
    if (before.status === parsed.data) return;
    await tx.table.update({ where: { id: tableId }, data: { status: parsed.data, updatedAt: now } });
    await noteAccessChange(tx, { tableId });
    await recordAudit(tx, { action: "table.status_changed", tableId, data: { by: member.id, from: before.status, to: parsed.data } }, now);
  });
}
