// Party commitments: what each party promises this table (characteristic 3: no sideshow, no
// forum-hopping). The chair can mark a commitment as breached, with a note, and the party concerned
// answers through its delegates; the reply is its own record beside the note; history is in the log.
import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { isUuid } from "../identity/sessions.ts";
import { contributionVoice } from "../participation/policy.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { breachResponseProblem } from "./policy.ts";
import { authorize, CURRENT_MEMBER } from "./queries.ts";

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
    const commitment = await tx.commitment.findFirst({
      where: { id: input.commitmentId, tableId, status: { not: "breached" } },
      select: { partyId: true },
    });
    if (!commitment) throw new AppError("NOT_FOUND");
    const updated = await tx.commitment.updateMany({
      where: { id: input.commitmentId, tableId, status: { not: "breached" } },
      data: { status: "breached", breachNote: note, breachedBy: member.id, breachedAt: now, updatedAt: now },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    // The log shows whose commitment, what the chair noted and who marked it.
    await recordAudit(
      tx,
      {
        action: "commitment.breached",
        tableId,
        data: { by: member.id, commitment: input.commitmentId, party: commitment.partyId, note },
      },
      now,
    );
  });
}

export const breachResponseSchema = z.object({
  commitmentId: z.string().uuid(),
  text: z.string().trim().min(3).max(2000),
  attribution: z.enum(["organisation", "person", "anonymous"]).default("organisation"),
});

/**
 * The party's reply to a breach, by one of its delegates: its own record beside the chair's note,
 * which stays as it was. The party is the delegate's own, never one named in the input.
 */
export async function respondToBreach(
  db: Db,
  accountId: string,
  tableId: string,
  input: z.input<typeof breachResponseSchema>,
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "commitments.respond");
  const parsed = breachResponseSchema.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    throw new AppError(field === "text" ? "BREACH_RESPONSE_REQUIRED" : field === "commitmentId" ? "NOT_FOUND" : "INVALID_INPUT", { field });
  }
  return db.$transaction(async (tx) => {
    const commitment = await tx.commitment.findFirst({
      where: { id: parsed.data.commitmentId, tableId },
      select: { id: true, partyId: true, status: true },
    });
    if (!commitment) throw new AppError("NOT_FOUND");
    const problem = breachResponseProblem(member, commitment);
    if (problem) throw new AppError(problem);
    const response = await tx.commitmentResponse.create({
      data: {
        commitmentId: commitment.id,
        tableId,
        partyId: commitment.partyId,
        text: parsed.data.text,
        attribution: parsed.data.attribution,
        respondedBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      {
        action: "commitment.responded",
        tableId,
        data: {
          by: member.id,
          commitment: commitment.id,
          party: commitment.partyId,
          response: response.id,
          attribution: parsed.data.attribution,
        },
      },
      now,
    );
    return response;
  });
}

/** Whom a breach or a reply names: a current member by pseudonym, anyone who left as a former member. */
export type CommitmentVoice =
  | { kind: "person"; pseudonym: string }
  | { kind: "party"; name: string }
  | { kind: "anonymous"; name: string }
  | { kind: "former" };

/**
 * For callers that have already authorised the reader. A breach says who marked it and when; the
 * party's replies name the party, or the delegate when they chose to be named.
 */
export async function listCommitments(db: Db, tableId: string) {
  const commitments = await db.commitment.findMany({
    where: { tableId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      partyId: true,
      kind: true,
      text: true,
      status: true,
      breachNote: true,
      breachedBy: true,
      breachedAt: true,
      updatedAt: true,
      party: { select: { name: true } },
      responses: {
        orderBy: { createdAt: "asc" },
        select: { id: true, text: true, attribution: true, respondedBy: true, createdAt: true },
      },
    },
  });
  const ids = commitments.flatMap((c) => [c.breachedBy, ...c.responses.map((r) => r.respondedBy)]).filter((id): id is string => !!id);
  const members = ids.length
    ? await db.membership.findMany({
        where: { id: { in: [...new Set(ids)] }, tableId, ...CURRENT_MEMBER },
        select: { id: true, account: { select: { pseudonym: true } } },
      })
    : [];
  const pseudonymOf = (id: string | null) => members.find((m) => m.id === id)?.account.pseudonym ?? null;
  return commitments.map(({ responses, breachedBy, ...commitment }) => {
    const marker = pseudonymOf(breachedBy);
    return {
      ...commitment,
      breach:
        commitment.status === "breached"
          ? {
              note: commitment.breachNote,
              at: commitment.breachedAt,
              by: (marker ? { kind: "person", pseudonym: marker } : { kind: "former" }) as CommitmentVoice,
            }
          : null,
      responses: responses.map((response) => {
        const author = pseudonymOf(response.respondedBy);
        const voice = contributionVoice(
          { attribution: response.attribution, partyId: commitment.partyId },
          author ? { pseudonym: author } : null,
        );
        return {
          id: response.id,
          text: response.text,
          at: response.createdAt,
          by: (voice.kind === "person"
            ? voice
            : voice.kind === "party"
              ? { kind: "party", name: commitment.party.name }
              : voice.kind === "anonymous"
                ? { kind: "anonymous", name: commitment.party.name }
                : { kind: "former" }) as CommitmentVoice,
        };
      }),
    };
  });
}
