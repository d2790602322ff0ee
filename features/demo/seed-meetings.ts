// The Lindendam demo's meetings: a past evening meeting with its agenda and replies, and an open
// poll for the next one with evening and weekend times. Written through the same commands people
// use, each at the moment it would have happened.
import type { Db } from "../../prisma/db.ts";
import { addAgendaItem, answerPoll, proposePoll, replyToMeeting, scheduleMeeting } from "../meetings/commands.ts";
import { amsterdamInputValue, amsterdamTimeToInstant } from "../shared/dates.ts";

type Demo = { tableId: string; accountOf: (signInName: string) => string; now: Date };

const DAY = 86_400_000;

/** The Amsterdam day `days` from `now` at a wall-clock time, as a form would send it. */
function dayAt(now: Date, days: number, time: string): string {
  return `${amsterdamInputValue(new Date(now.getTime() + days * DAY)).slice(0, 10)}T${time}`;
}

export async function seedMeetings(db: Db, { tableId, accountOf, now }: Demo): Promise<{ pastMeetingId: string; pollId: string }> {
  const lotte = accountOf("lotte");
  // Two weeks ago, 19:30–21:30: scheduled a week before it, replies and agenda in between.
  const startsAt = dayAt(now, -14, "19:30");
  const planned = new Date((amsterdamTimeToInstant(startsAt) ?? now).getTime() - 7 * DAY);
  const past = await scheduleMeeting(
    db,
    lotte,
    tableId,
    {
      title: "Avondoverleg: het verbod op thuiswerk",
      startsAt,
      endsAt: dayAt(now, -14, "21:30"),
      address: "Buurthuis De Haven, Havenstraat 12 (ingang aan de achterkant)",
      languages: ["nl", "en"],
      interpretation: "Fluistertolk Engels op verzoek",
      accessibilityNotes: "Drempelvrij; toilet op de begane grond",
      safetyNotes: "Geen foto's, alleen voornamen of werknamen",
      compensatesTravel: true,
      compensatesMeals: true,
    },
    planned,
  );
  const later = (hours: number) => new Date(planned.getTime() + hours * 3_600_000);
  const item = (who: string, title: string, purpose: "inform" | "discuss" | "decide", timeboxMinutes: number, hours: number) =>
    addAgendaItem(db, accountOf(who), tableId, past.id, { title, purpose, timeboxMinutes }, later(hours));
  await item("lotte", "Opening en afspraken over veiligheid", "inform", 10, 1);
  await item("saffier", "Wat het verbod op thuiswerk doet met de veiligheid", "discuss", 40, 2);
  await item("femke", "Toegang tot anonieme zorg voor thuiswerkers", "discuss", 25, 3);
  await item("lotte", "Gezamenlijke probleemstelling: eerste versie", "decide", 30, 4);
  for (const [who, attending, hours] of [
    ["saffier", true, 5],
    ["ilse", true, 6],
    ["henk", true, 7],
    ["femke", true, 8],
    ["bram", false, 9],
  ] as const) {
    await replyToMeeting(db, accountOf(who), tableId, past.id, attending, later(hours));
  }

  // The next meeting is still being planned: a Thursday-evening-like and a Sunday-afternoon time.
  const poll = await proposePoll(
    db,
    lotte,
    tableId,
    {
      title: "Tweede overleg: feiten en cijfers",
      note: "Kies wat je past. Reiskosten en een maaltijd worden vergoed.",
      slots: [
        { startsAt: dayAt(now, 9, "19:30"), endsAt: dayAt(now, 9, "21:30") },
        { startsAt: dayAt(now, 12, "14:00"), endsAt: dayAt(now, 12, "16:00") },
        { startsAt: dayAt(now, 16, "20:00"), endsAt: dayAt(now, 16, "22:00") },
      ],
    },
    new Date(now.getTime() - 2 * DAY),
  );
  const slots = await db.pollSlot.findMany({ where: { pollId: poll.id }, orderBy: { startsAt: "asc" }, select: { id: true } });
  const [first, second, third] = slots.map((s) => s.id) as [string, string, string];
  await answerPoll(
    db,
    accountOf("saffier"),
    tableId,
    poll.id,
    { [first]: "no", [second]: "yes", [third]: "if_need_be" },
    new Date(now.getTime() - DAY),
  );
  await answerPoll(
    db,
    accountOf("ilse"),
    tableId,
    poll.id,
    { [first]: "yes", [second]: "if_need_be", [third]: "no" },
    new Date(now.getTime() - DAY),
  );
  return { pastMeetingId: past.id, pollId: poll.id };
}
