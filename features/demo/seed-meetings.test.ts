import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { consoleState } from "../meetings/console-state.ts";
import { meetingDetail, meetingsOf } from "../meetings/queries.ts";
import { seedDemo } from "./seed.ts";

let t: TestDatabase;
let tableId: string;
const now = new Date("2026-11-24T10:00:00Z");
const account = async (signInName: string) => (await t.db.account.findUniqueOrThrow({ where: { signInName } })).id;

beforeAll(async () => {
  t = await testDatabase();
  tableId = (await seedDemo(t.db, now)).tableId;
});
afterAll(async () => {
  await t.close();
});

describe("the Lindendam meetings", () => {
  it("hold a past evening meeting with its agenda, and an open poll with evening and weekend times", async () => {
    const list = await meetingsOf(t.db, await account("bram"), tableId, now);
    expect(list.past.map((m) => m.title)).toEqual(["Avondoverleg: het verbod op thuiswerk"]);
    expect(list.polls).toHaveLength(1);
    expect(list.polls[0]?.slots).toHaveLength(3);
    expect(list.polls[0]?.slots[1]?.tally).toEqual({ yes: 1, if_need_be: 1, no: 0 });
    const past = await meetingDetail(t.db, await account("saffier"), tableId, list.past[0]?.id ?? "", now);
    expect(past.startsAt.toISOString()).toBe("2026-11-10T18:30:00.000Z");
    expect(past.agenda.map((i) => i.proposedBy)).toEqual([null, "Stichting Rode Lantaarn Lindendam", "GGD Regio Lindendam", null]);
    expect(past).toMatchObject({ attendingCount: 4, notAttendingCount: 1, compensatesTravel: true });
    // The observer said he would not come: the address stays hidden from him.
    expect((await meetingDetail(t.db, await account("bram"), tableId, past.id, now)).address).toBeNull();
    expect(past.address).toContain("Havenstraat 12");
  });

  it("was run from the console: attendance, a speaking balance, a passed check and two decisions, one advisory only", async () => {
    const list = await meetingsOf(t.db, await account("bram"), tableId, now);
    const state = await consoleState(t.db, list.past[0]?.id ?? "", now);
    expect(state.running).toBe(false);
    expect(state.attendance.filter((a) => a.status).map((a) => [a.pseudonym, a.status])).toEqual(
      expect.arrayContaining([
        ["Saffier", "present"],
        ["Femke Dijkstra", "online"],
        ["Bram Koster", "absent"],
      ]),
    );
    const minutes = Object.fromEntries(state.balance.map((row) => [row.name ?? row.key, row.ms / 60_000]));
    expect(minutes).toMatchObject({
      "Stichting Rode Lantaarn Lindendam": 12,
      "Bewonersvereniging Oude Haven": 8,
      "GGD Regio Lindendam": 10,
      chair: 7,
    });
    expect(state.check?.result?.passed).toBe(true);
    expect(state.decisions.map((d) => [d.domain, d.scope, d.decisionPower, d.advisoryReason])).toEqual([
      ["public_order", "within_scope", "co_decision", null],
      ["care", "advisory_only", null, "advisory_power"],
    ]);
  });
});
