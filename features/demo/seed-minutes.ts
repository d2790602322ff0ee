// The Lindendam demo's approved minutes of the past evening meeting: pre-filled from whatever the
// meeting's record holds (attendance, agenda, decisions and their follow-up actions, when they were
// recorded), completed by the secretary's hand as if typed, frozen as version 1, circulated by the
// chair and approved by every counted party. Written through the same commands people use.
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { Db } from "../../prisma/db.ts";
import { answerRound, closeRound } from "../decisions/rounds.ts";
import { docName } from "../docs/names.ts";
import { NOTES_FIELD } from "../docs/schema.ts";
import { contentUpdate, type ProseMirrorJson } from "../docs/seed.ts";
import { appendUpdate } from "../docs/store.ts";
import { storedState } from "../docs/versions.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { circulateMinutes, freezeMinutes, minutesRef, prefillMinutes } from "../meetings/minutes.ts";
import { amsterdamInputValue } from "../shared/dates.ts";
import { CURRENT_MEMBER } from "../tables/queries.ts";

type Demo = { tableId: string; meetingId: string; accountOf: (signInName: string) => string; now: Date };

const HOUR = 3_600_000;

export async function seedMinutes(db: Db, { tableId, meetingId, accountOf, now }: Demo): Promise<void> {
  const meeting = await db.meeting.findFirstOrThrow({ where: { id: meetingId, tableId }, select: { endsAt: true } });
  const at = (hours: number) => new Date(meeting.endsAt.getTime() + hours * HOUR);
  const lotte = accountOf("lotte");
  const chair = await authorizeMeeting(db, lotte, tableId, "meetings.minutes.write");
  // The chair opens the minutes the morning after: the pre-fill is written from the stored rows.
  await prefillMinutes(db, chair, tableId, meetingId, at(12));
  const name = docName(minutesRef(tableId, meetingId));
  const state = await storedState(db, name);
  // A closing paragraph added by hand, as the chair would type it under the pre-fill.
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const current = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(NOTES_FIELD)) as ProseMirrorJson;
  doc.destroy();
  const closing: ProseMirrorJson = {
    type: "paragraph",
    content: [{ type: "text", text: "De voorzitter dankt iedereen voor de open sfeer. Het volgende overleg gaat over feiten en cijfers." }],
  };
  await appendUpdate(db, name, contentUpdate(state, { type: "doc", content: [...(current.content ?? []), closing] }));
  const version = await freezeMinutes(db, lotte, tableId, meetingId, at(14));
  const round = await circulateMinutes(
    db,
    lotte,
    tableId,
    meetingId,
    { versionId: version.id, deadline: amsterdamInputValue(at(24 * 7)) },
    at(15),
  );
  // Every counted party approves through one of its delegates.
  const counted = await db.roundParty.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" }, select: { partyId: true } });
  let hour = 20;
  for (const { partyId } of counted) {
    const delegate = await db.membership.findFirst({
      where: { tableId, partyId, role: "delegate", ...CURRENT_MEMBER },
      orderBy: { createdAt: "asc" },
      select: { accountId: true },
    });
    if (!delegate) continue;
    await answerRound(db, delegate.accountId, tableId, round.id, { answer: "support", reason: "" }, at(hour));
    hour += 3;
  }
  const closeAt = at(hour + 1);
  await closeRound(db, lotte, tableId, round.id, closeAt < now ? closeAt : now);
}
