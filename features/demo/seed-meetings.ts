// The Lindendam demo's meetings: a past evening meeting with its agenda and replies, and an open
// poll for the next one with evening and weekend times. Written through the same commands people
// use, each at the moment it would have happened.
import type { Db } from "../../prisma/db.ts";
import { addAgendaItem, answerPoll, proposePoll, replyToMeeting, scheduleMeeting } from "../meetings/commands.ts";
import { runConsoleCommand } from "../meetings/console-commands.ts";
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
  const opening = await item("lotte", "Opening en afspraken over veiligheid", "inform", 10, 1);
  const safety = await item("saffier", "Wat het verbod op thuiswerk doet met de veiligheid", "discuss", 40, 2);
  const care = await item("femke", "Toegang tot anonieme zorg voor thuiswerkers", "discuss", 25, 3);
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
  await runMeeting(db, { tableId, accountOf, meetingId: past.id, startsAt: amsterdamTimeToInstant(startsAt) ?? now }, [
    opening.id,
    safety.id,
    care.id,
  ]);

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

/**
 * The evening as the chair ran it from the console: attendance, a queue with a guest without a
 * device, a consensus check, a decision within the co-decision scope on public order, and one on
 * care that is advisory only because the mandate gives advice only there.
 */
async function runMeeting(
  db: Db,
  { tableId, accountOf, meetingId, startsAt }: { tableId: string; accountOf: (name: string) => string; meetingId: string; startsAt: Date },
  [opening, safety, care]: string[],
) {
  const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);
  const run = (who: string, minutes: number, command: Record<string, unknown>) =>
    runConsoleCommand(db, accountOf(who), meetingId, command, at(minutes));
  const membership = async (who: string) =>
    (await db.membership.findFirstOrThrow({ where: { tableId, accountId: accountOf(who) }, select: { id: true } })).id;
  await run("lotte", 0, { type: "session.open" });
  for (const [who, status] of [
    ["saffier", "present"],
    ["ilse", "present"],
    ["henk", "present"],
    ["femke", "online"],
    ["bram", "absent"],
  ] as const) {
    await run("lotte", 1, { type: "attendance.mark", membershipId: await membership(who), status });
  }
  await run("lotte", 2, { type: "item.start", itemId: opening });
  await run("lotte", 3, { type: "chair.speak" });
  await run("lotte", 10, { type: "item.start", itemId: safety });
  await run("henk", 11, { type: "hand.raise" });
  await run("saffier", 11.5, { type: "hand.raise" });
  const rll = await db.party.findFirstOrThrow({ where: { tableId, type: "sex_worker_organisation" }, select: { id: true } });
  await run("lotte", 12, { type: "guest.add", label: "Mira", partyId: rll.id });
  await run("ilse", 12.5, { type: "hand.raise" });
  await run("lotte", 13, { type: "speaker.next" }); // Henk
  await run("lotte", 21, { type: "speaker.next" }); // Saffier
  await run("lotte", 29, { type: "speaker.next" }); // Mira
  await run("lotte", 33, { type: "speaker.next" }); // Ilse
  await run("lotte", 38, { type: "speaker.end" });
  await run("lotte", 40, {
    type: "check.open",
    proposal:
      "Handhaving op thuiswerk wordt opgeschort zolang de tafel het verbod herziet; meldingen over uitbuiting gaan naar zorg, niet naar handhaving.",
  });
  const check = await db.round.findFirstOrThrow({ where: { meetingId, subject: "consensus_check" }, select: { id: true } });
  for (const [who, minutes, answer, reason] of [
    ["saffier", 41, "support", ""],
    ["ilse", 42, "support_with_reservations", "Het college moet de opschorting nog formeel bevestigen."],
    ["henk", 43, "stand_aside", "Wij willen eerst weten wat dit voor de buurt betekent, maar houden het niet tegen."],
    ["femke", 44, "support", ""],
  ] as const) {
    await run(who, minutes, { type: "check.answer", roundId: check.id, answer, reason });
  }
  await run("lotte", 46, { type: "check.close", roundId: check.id });
  await run("lotte", 47, {
    type: "decision.record",
    text: "Handhaving op thuiswerk wordt opgeschort zolang de tafel het verbod herziet; meldingen over uitbuiting gaan naar zorg, niet naar handhaving.",
    domain: "public_order",
    participationForm: "shared_decision_power",
    roundId: check.id,
  });
  await run("lotte", 50, { type: "item.start", itemId: care });
  await run("femke", 51, { type: "hand.raise" });
  await run("lotte", 52, { type: "speaker.next" });
  await run("lotte", 62, { type: "speaker.end" });
  await run("lotte", 70, {
    type: "decision.record",
    text: "De tafel adviseert de GGD een anoniem inloopspreekuur voor thuiswerkers, zonder registratie van namen.",
    domain: "care",
    participationForm: "consultation",
    advisoryConfirmed: true,
  });
  await run("lotte", 75, { type: "session.end" });
}
