// Follow-up actions of decisions: each owned by a party, with a due date and a status. Adding one
// is the process roles'; its status is changed by the owner party's delegates or by the chair or
// the secretary. Status changes are appended rows, the latest counts, so the history stays.
import { z } from "zod";
import type { ActionStatus } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { auditActor } from "../facts/records.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorizeMeeting } from "./access.ts";
import { actionStatusProblem, canMeet } from "./policy.ts";

export const ACTION_STATUSES = ["open", "in_progress", "done", "dropped"] as const satisfies readonly ActionStatus[];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const actionInputSchema = z.object({
  text: z.string().trim().min(3, "ACTION_TEXT_INVALID").max(1000, "ACTION_TEXT_INVALID"),
  ownerPartyId: z.string().refine(isUuid, "ACTION_OWNER_INVALID"),
  dueDate: z
    .string()
    .trim()
    .refine(
      (value) =>
        DAY.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      "ACTION_DUE_INVALID",
    )
    .transform((value) => new Date(`${value}T00:00:00Z`)),
});

export const statusInputSchema = z.object({
  status: z.enum(ACTION_STATUSES, { message: "ACTION_STATUS_INVALID" }),
  note: z.string().trim().max(1000, "INVALID_INPUT").default(""),
});

/** Adds a follow-up action to a decision of this table, owned by one of its parties. */
export async function addFollowUpAction(db: Db, accountId: string, tableId: string, decisionId: string, input: unknown, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.actions.add");
  const decision = isUuid(decisionId)
    ? await db.decision.findFirst({ where: { id: decisionId, tableId }, select: { id: true, meetingId: true } })
    : null;
  if (!decision) throw new AppError("NOT_FOUND");
  const data = parseInput(actionInputSchema, input);
  const party = await db.party.findFirst({ where: { id: data.ownerPartyId, tableId }, select: { id: true } });
  if (!party) throw new AppError("ACTION_OWNER_INVALID", { field: "ownerPartyId" });
  return db.$transaction(async (tx) => {
    const action = await tx.followUpAction.create({
      data: {
        tableId,
        decisionId: decision.id,
        text: data.text,
        ownerPartyId: party.id,
        dueDate: data.dueDate,
        createdBy: member.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.actionStatusChange.create({ data: { actionId: action.id, status: "open", changedBy: member.id, createdAt: now } });
    await recordAudit(
      tx,
      {
        action: "meeting.action_added",
        tableId,
        data: { by: member.id, followUp: action.id, decision: decision.id, meeting: decision.meetingId, party: party.id },
      },
      now,
    );
    return action;
  });
}

/** Appends a status for a follow-up action; a delegate changes only their own party's. */
export async function changeActionStatus(db: Db, accountId: string, tableId: string, actionId: string, input: unknown, now = new Date()) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.actions.status");
  const action = isUuid(actionId)
    ? await db.followUpAction.findFirst({
        where: { id: actionId, tableId },
        select: {
          id: true,
          ownerPartyId: true,
          statuses: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { status: true } },
        },
      })
    : null;
  if (!action) throw new AppError("NOT_FOUND");
  const data = parseInput(statusInputSchema, input);
  const problem = actionStatusProblem(
    member,
    { ownerPartyId: action.ownerPartyId, status: action.statuses[0]?.status ?? "open" },
    data.status,
  );
  if (problem) throw new AppError(problem, { field: "status" });
  return db.$transaction(async (tx) => {
    const change = await tx.actionStatusChange.create({
      data: { actionId: action.id, status: data.status, note: data.note, changedBy: member.id, createdAt: now },
      select: { id: true },
    });
    // A delegate reports for the party: the log names the party, not the person.
    await recordAudit(
      tx,
      { action: "meeting.action_status_changed", tableId, data: { ...auditActor(member), followUp: action.id, status: data.status } },
      now,
    );
    return change;
  });
}

export type ActionRow = Awaited<ReturnType<typeof actionsList>>["actions"][number];

/** Every follow-up action of the table's meetings, soonest due first, optionally of one status. */
export async function actionsList(db: Db, accountId: string, tableId: string, filter: { status?: string } = {}) {
  const member = await authorizeMeeting(db, accountId, tableId, "meetings.view");
  const rows = await db.followUpAction.findMany({
    where: { tableId },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      text: true,
      ownerPartyId: true,
      dueDate: true,
      statuses: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { status: true, note: true, createdAt: true } },
      decision: {
        select: { id: true, text: true, scope: true, decisionPower: true, meeting: { select: { id: true, title: true, startsAt: true } } },
      },
    },
  });
  const parties = new Map((await db.party.findMany({ where: { tableId }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const status = (ACTION_STATUSES as readonly string[]).includes(filter.status ?? "") ? (filter.status as ActionStatus) : null;
  const mayChange = canMeet(member, "meetings.actions.status", member.table);
  const actions = rows.map((row) => {
    const latest = row.statuses.at(-1);
    const current = latest?.status ?? "open";
    return {
      id: row.id,
      text: row.text,
      owner: { id: row.ownerPartyId, name: parties.get(row.ownerPartyId) ?? "" },
      dueDate: row.dueDate,
      status: current,
      note: latest?.note ?? "",
      changedAt: latest?.createdAt ?? null,
      decision: { id: row.decision.id, text: row.decision.text, scope: row.decision.scope, decisionPower: row.decision.decisionPower },
      meeting: row.decision.meeting,
      // Whether this member may move it on (any status other than the current one).
      mayChange: mayChange && actionStatusProblem(member, { ownerPartyId: row.ownerPartyId, status: current }, "__other__") === null,
    };
  });
  return { status, total: actions.length, actions: status ? actions.filter((a) => a.status === status) : actions };
}
