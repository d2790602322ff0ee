// The Lindendam demo's compensation: a policy, proposals from the evening meeting's attendance,
// and entries in every status — proposed, confirmed, approved, paid — with one reversal. Saffier
// is paid via Stichting Rode Lantaarn Lindendam, so nothing about her identity is stored.
import type { Db } from "../../prisma/db.ts";
import {
  addClaim,
  approveEntry,
  confirmEntry,
  markPaid,
  proposeFromAttendance,
  reverseEntry,
  setCompensationPolicy,
} from "../compensation/commands.ts";
import { isoDate } from "../shared/dates.ts";

type Demo = { tableId: string; accountOf: (signInName: string) => string; pastMeetingId: string; now: Date };

const DAY = 86_400_000;

export async function seedCompensation(db: Db, { tableId, accountOf, pastMeetingId, now }: Demo): Promise<void> {
  const at = (days: number, minutes = 0) => new Date(now.getTime() - days * DAY + minutes * 60_000);
  const member = async (name: string) =>
    (await db.membership.findFirstOrThrow({ where: { tableId, accountId: accountOf(name) }, select: { id: true } })).id;
  await setCompensationPolicy(
    db,
    accountOf("noor"),
    tableId,
    {
      validFrom: isoDate(at(60)),
      hourRate: "30",
      sessionRate: "75",
      reviewRate: "50",
      draftRate: "120",
      kmRate: "0,23",
      mealCap: "15",
      travelCap: "50",
      budget: "2500",
      budgetSource: "Gemeente Lindendam, budget participatie 2026",
    },
    at(30),
  );
  // The meetings seed may record attendance itself; only when it did not, the chair's marks are added here.
  if ((await db.attendanceMark.count({ where: { meetingId: pastMeetingId } })) === 0) {
    const lotte = await member("lotte");
    const marks = [
      ["saffier", "present"],
      ["ilse", "present"],
      ["henk", "present"],
      ["femke", "online"],
    ] as const;
    for (const [name, status] of marks)
      await db.attendanceMark.create({
        data: { meetingId: pastMeetingId, membershipId: await member(name), status, recordedBy: lotte, createdAt: at(14) },
      });
  }
  const sanne = accountOf("sanne");
  await proposeFromAttendance(db, sanne, tableId, pastMeetingId, at(13));
  const entries = await db.ledgerEntry.findMany({
    where: { meetingId: pastMeetingId },
    select: { id: true, membershipId: true, category: true },
  });
  const entry = async (name: string, category: string) => {
    const id = await member(name);
    return entries.find((e) => e.membershipId === id && e.category === category)?.id;
  };
  const saffierTime = await entry("saffier", "time");
  if (saffierTime) {
    await confirmEntry(db, accountOf("saffier"), tableId, saffierTime, "organisation", at(12));
    await approveEntry(db, sanne, tableId, saffierTime, at(11));
    await markPaid(db, sanne, tableId, saffierTime, at(5));
  }
  const travel = await addClaim(
    db,
    accountOf("saffier"),
    tableId,
    {
      category: "travel",
      unit: "receipt",
      amount: "6,40",
      meetingId: pastMeetingId,
      description: "Bus heen en terug",
      payoutRoute: "organisation",
    },
    at(12, 5),
  );
  await approveEntry(db, sanne, tableId, travel.id, at(11, 5));
  const henkMeal = await entry("henk", "meal");
  if (henkMeal) await confirmEntry(db, accountOf("henk"), tableId, henkMeal, "organisation", at(12, 10));
  // The municipality pays its adviser's time already: approved by mistake, corrected by a reversal.
  const ilseTime = await entry("ilse", "time");
  if (ilseTime) {
    await confirmEntry(db, accountOf("ilse"), tableId, ilseTime, "organisation", at(12, 15));
    await approveEntry(db, sanne, tableId, ilseTime, at(11, 10));
    await reverseEntry(db, sanne, tableId, ilseTime, "Werktijd wordt al door de gemeente betaald", at(10));
  }
}
