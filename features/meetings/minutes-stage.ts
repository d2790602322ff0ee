// Where the minutes of meetings stand, read from stored rows: the meeting (cancelled, over) and
// whether a minutes round on a version of its document passed. Used by the document access check
// (realtime and pages) and by the minutes commands, so both answer the same.
import type { Db } from "../../prisma/db.ts";
import { docName } from "../docs/names.ts";
import { type MinutesStage, minutesStage } from "./policy.ts";

/** The stage per `${tableId}:${meetingId}`; a meeting that is not at that table has stage "none". */
export async function minutesStagesOf(
  db: Db,
  refs: { tableId: string; meetingId: string }[],
  now = new Date(),
): Promise<Map<string, MinutesStage>> {
  const stages = new Map<string, MinutesStage>();
  if (refs.length === 0) return stages;
  const meetings = await db.meeting.findMany({
    where: { id: { in: [...new Set(refs.map((ref) => ref.meetingId))] } },
    select: { id: true, tableId: true, cancelledAt: true, endsAt: true, endedAt: true },
  });
  const names = meetings.map((m) => docName({ kind: "minutes", tableId: m.tableId, meetingId: m.id }));
  const approved = new Set(
    (
      await db.round.findMany({
        where: { subject: "minutes", passed: true, version: { docName: { in: names } } },
        select: { version: { select: { docName: true } } },
      })
    ).flatMap((round) => (round.version ? [round.version.docName] : [])),
  );
  for (const ref of refs) {
    const meeting = meetings.find((m) => m.id === ref.meetingId && m.tableId === ref.tableId);
    const key = `${ref.tableId}:${ref.meetingId}`;
    stages.set(
      key,
      meeting
        ? minutesStage(meeting, approved.has(docName({ kind: "minutes", tableId: ref.tableId, meetingId: ref.meetingId })), now)
        : "none",
    );
  }
  return stages;
}

export async function minutesStageOf(db: Db, tableId: string, meetingId: string, now = new Date()): Promise<MinutesStage> {
  return (await minutesStagesOf(db, [{ tableId, meetingId }], now)).get(`${tableId}:${meetingId}`) ?? "none";
}
