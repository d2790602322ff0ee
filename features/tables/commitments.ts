// Party commitments: what each party promises this table (characteristic 3: no sideshow, no
// forum-hopping). The chair can mark a commitment as breached, with a note; history is in the log.
import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorize } from "./queries.ts";

export const COMMITMENT_KINDS = ["decisions_here", "decision_power", "share_data", "other"] as const;

export const commitmentSchema = z.object({
  partyId: z.string().uuid(),
  kind: z.enum(COMMITMENT_KINDS),
  text: z.string().trim().max(1000).default(""),
});

export async function recordCommitment(
  db: Db,
  accountId: string,
  tableId: string,
  input: z.input<typeof commitmentSchema>,
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "commitments.record");
  const { partyId, kind, text } = parseInput(commitmentSchema, input);
  // A delegate commits only their own party; the facilitator may record for any party.
  if (member.role !== "facilitator" && member.partyId !== partyId) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const party = await tx.party.findFirst({ where: { id: partyId, tableId }, select: { id: true } });
    if (!party) throw new AppError("NOT_FOUND");
    const commitment = await tx.commitment.create({
      data: { tableId, partyId, kind, text, status: "committed", createdAt: now, updatedAt: now },
      select: { id: true },
    });
    await recordAudit(
      tx,
      { action: "commitment.recorded", tableId, data: { by: member.id, party: partyId, commitment: commitment.id, kind } },
      now,
    );
    return commitment;
  });
}

export async function markCommitmentBreached(
  db: Db,
  accountId: string,
  tableId: string,
  input: { commitmentId: string; note: string },
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "commitments.breach");
  const note = input.note.trim();
  if (note.length < 3 || note.length > 1000) throw new AppError("BREACH_NOTE_REQUIRED", { field: "note" });
  if (!isUuid(input.commitmentId)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const updated = await tx.commitment.updateMany({
      where: { id: input.commitmentId, tableId, status: { not: "breached" } },
      data: { status: "breached", breachNote: note, updatedAt: now },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { action: "commitment.breached", tableId, data: { by: member.id, commitment: input.commitmentId } }, now);
  });
}

/** For callers that have already authorised the reader. */
export function listCommitments(db: Db, tableId: string) {
  return db.commitment.findMany({
    where: { tableId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      partyId: true,
      kind: true,
      text: true,
      status: true,
      breachNote: true,
      updatedAt: true,
      party: { select: { name: true } },
    },
  });
}
