import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable } from "../../test/fact-table.ts";
import { makeAccount } from "../../test/factories.ts";
import { recordMandate } from "../tables/mandates.ts";
import { addAgendaItem, scheduleMeeting } from "./commands.ts";
import { runConsoleCommand } from "./console-commands.ts";
import { consoleState } from "./console-state.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
let meetingId: string;
let itemId: string;
const start = new Date("2026-12-02T11:00:00Z");
const at_ = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
  await recordMandate(
    t.db,
    at.facilitator,
    at.tableId,
    {
      issuingBody: "council",
      decisionReference: "RB-2026-114",
      decisionDate: "2026-06-01",
      scope: "Prostitutiebeleid Lindendam",
      domains: [
        { domain: "public_order", decisionPower: "co_decision" },
        { domain: "care", decisionPower: "advisory" },
      ],
      termStart: "2026-06-01",
      termEnd: "2027-06-01",
      officials: [{ office: "Burgemeester", domains: ["public_order", "care"] }],
    },
    new Date("2026-06-02T10:00:00Z"),
  );
  const meeting = await scheduleMeeting(
    t.db,
    at.chair,
    at.tableId,
    { title: "Avondoverleg", startsAt: "2026-12-02T19:00", endsAt: "2026-12-02T21:30" },
    new Date("2026-11-20T10:00:00Z"),
  );
  meetingId = meeting.id;
  const item = await addAgendaItem(
    t.db,
    at.chair,
    at.tableId,
    meetingId,
    { title: "Venstertijden", purpose: "decide", timeboxMinutes: 20 },
    new Date("2026-11-20T10:00:00Z"),
  );
  itemId = item.id;
});
afterAll(async () => {
  await t.close();
});

const run = (account: string, command: Record<string, unknown>, minutes = 0) =>
  runConsoleCommand(t.db, account, meetingId, command, at_(minutes));
const state = (minutes = 0) => consoleState(t.db, meetingId, at_(minutes));
const rowCounts = async () => ({
  turns: await t.db.speakingTurn.count(),
  marks: await t.db.attendanceMark.count(),
  rounds: await t.db.round.count(),
  decisions: await t.db.decision.count(),
  revision: (await t.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).consoleRevision,
});

describe("the chair's console", () => {
  it("refuses everything but opening before the chair opens the meeting", async () => {
    await expect(run(at.delegates.rll, { type: "hand.raise" })).rejects.toMatchObject({ code: "MEETING_NOT_RUNNING" });
    await expect(run(at.delegates.rll, { type: "session.open" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await run(at.chair, { type: "session.open" });
    await expect(run(at.secretary, { type: "session.open" })).rejects.toMatchObject({ code: "MEETING_ALREADY_OPEN" });
    expect((await state()).running).toBe(true);
  });

  it("starts an item with its time box on the server clock", async () => {
    await run(at.secretary, { type: "item.start", itemId }, 1);
    const s = await state(2);
    expect(s.currentItem).toEqual({ id: itemId, startedAt: at_(1).toISOString() });
    expect(s.serverNow).toBe(at_(2).toISOString());
  });

  it("runs a speaking queue: own hands, a guest without a device, the chair calling, party time counted", async () => {
    for (const [delegate, minute] of [
      [at.delegates.bewoners, 2],
      [at.delegates.rll, 3],
    ] as const)
      await run(delegate, { type: "hand.raise" }, minute);
    await expect(run(at.delegates.rll, { type: "hand.raise" }, 3)).rejects.toMatchObject({ code: "HAND_ALREADY_RAISED" });
    await run(at.chair, { type: "guest.add", label: "Mira", partyId: at.parties.rll }, 3.5);
    expect((await state(3)).queue.map((turn) => [turn.label, turn.partyName, turn.guest])).toEqual([
      ["Henk", "Bewonersvereniging Oude Haven", false],
      ["Saffier", "Stichting Rode Lantaarn", false],
      ["Mira", "Stichting Rode Lantaarn", true],
    ]);
    for (const mark of [
      [at.delegates.rll, "present"],
      [at.delegates.bewoners, "present"],
      [at.delegates.ggd, "online"],
    ] as const) {
      const membership = await t.db.membership.findFirstOrThrow({ where: { accountId: mark[0], tableId: at.tableId } });
      await run(at.chair, { type: "attendance.mark", membershipId: membership.id, status: mark[1] }, 3);
    }
    await run(at.chair, { type: "speaker.next" }, 4); // Henk 4–10
    await run(at.chair, { type: "chair.speak" }, 10); // chair 10–11
    await run(at.chair, { type: "speaker.next" }, 11); // Saffier 11–13
    await run(at.chair, { type: "speaker.next" }, 13); // Mira 13–14
    await run(at.chair, { type: "speaker.end" }, 14);
    const s = await state(20);
    const ms = Object.fromEntries(s.balance.map((row) => [row.name ?? row.key, row.ms / 60_000]));
    expect(ms).toEqual({ "Stichting Rode Lantaarn": 3, "Bewonersvereniging Oude Haven": 6, "GGD Regio": 0, chair: 1 });
    expect(s.balance.find((row) => row.key === at.parties.ggd)?.unheard).toBe(true);
    expect(s.speaking).toBeNull();
    expect(s.queue).toEqual([]);
  });

  it("lets a delegate lower only their own hand, and never call a speaker", async () => {
    await run(at.delegates.ggd, { type: "hand.raise" }, 15);
    const turn = (await state(15)).queue[0];
    await expect(run(at.delegates.rll, { type: "hand.lower", turnId: turn?.id }, 15)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const before = await rowCounts();
    await expect(run(at.delegates.rll, { type: "speaker.next" }, 15)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(run(at.observer, { type: "hand.raise" }, 15)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      run(at.delegates.rll, { type: "attendance.mark", membershipId: turn?.membershipId, status: "absent" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await rowCounts()).toEqual(before);
    await run(at.delegates.ggd, { type: "hand.lower", turnId: turn?.id }, 16);
    expect((await state(16)).queue).toEqual([]);
  });

  it("refuses strangers, unknown commands and malformed input without storing anything", async () => {
    const stranger = await makeAccount(t.db);
    const before = await rowCounts();
    await expect(run(stranger.id, { type: "hand.raise" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(run(at.chair, { type: "speaker.shout" })).rejects.toMatchObject({ code: "CONSOLE_COMMAND_INVALID" });
    await expect(run(at.chair, { type: "guest.add", label: "" })).rejects.toMatchObject({ code: "GUEST_LABEL_INVALID" });
    await expect(run(at.chair, { type: "attendance.mark", membershipId: "x", status: "present" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(runConsoleCommand(t.db, at.chair, "not-a-meeting", { type: "session.end" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("a consensus check and its decision", () => {
  let roundId: string;

  it("is opened by the chair and answered live by each party through its own delegate", async () => {
    await run(at.chair, { type: "check.open", proposal: "Venstertijden blijven tot 04:00" }, 20);
    await expect(run(at.chair, { type: "check.open", proposal: "Nog een" }, 20)).rejects.toMatchObject({ code: "ROUND_ALREADY_OPEN" });
    roundId = (await state(20)).check?.id as string;
    await run(at.delegates.rll, { type: "check.answer", roundId, answer: "support" }, 21);
    // The chair never answers; a form naming another party is ignored: the party is the membership's.
    await expect(run(at.chair, { type: "check.answer", roundId, answer: "support" }, 21)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await run(
      at.delegates.bewoners,
      { type: "check.answer", roundId, answer: "stand_aside", reason: "Wij wachten de evaluatie af", partyId: at.parties.ggd },
      22,
    );
    await expect(run(at.delegates.ggd, { type: "check.answer", roundId, answer: "cannot_support" }, 22)).rejects.toMatchObject({
      code: "ROUND_REASON_REQUIRED",
    });
    const check = (await state(22)).check;
    expect(check?.parties.map((p) => [p.name, p.answer])).toEqual([
      ["Stichting Rode Lantaarn", "support"],
      ["Bewonersvereniging Oude Haven", "stand_aside"],
      ["GGD Regio", null],
    ]);
  });

  it("keeps the meeting from ending and a decision from being recorded while the check is open", async () => {
    await expect(run(at.chair, { type: "session.end" }, 23)).rejects.toMatchObject({ code: "MEETING_CHECK_OPEN" });
    await expect(
      run(
        at.chair,
        {
          type: "decision.record",
          text: "Venstertijden blijven",
          domain: "public_order",
          participationForm: "shared_decision_power",
          roundId,
        },
        23,
      ),
    ).rejects.toMatchObject({ code: "DECISION_CHECK_OPEN" });
  });

  it("is closed by the chair and evaluated with the table's decision rule", async () => {
    await run(at.delegates.ggd, { type: "check.answer", roundId, answer: "support" }, 24);
    await run(at.chair, { type: "check.close", roundId }, 25);
    const check = (await state(25)).check;
    expect(check?.open).toBe(false);
    expect(check?.result?.passed).toBe(true);
    await expect(
      run(at.delegates.rll, { type: "check.answer", roundId, answer: "cannot_support", reason: "Te laat" }, 26),
    ).rejects.toMatchObject({
      code: "ROUND_CLOSED",
    });
  });

  it("records a decision within the mandate's co-decision scope", async () => {
    await run(
      at.chair,
      {
        type: "decision.record",
        text: "Venstertijden blijven tot 04:00",
        domain: "public_order",
        participationForm: "shared_decision_power",
        roundId,
      },
      26,
    );
    const [decision] = (await state(26)).decisions;
    expect(decision).toMatchObject({ scope: "within_scope", decisionPower: "co_decision", advisoryReason: null, roundId });
    await expect(
      run(at.chair, { type: "decision.record", text: "Nog eens", domain: "public_order", participationForm: "consultation", roundId }, 26),
    ).rejects.toMatchObject({ code: "DECISION_EXISTS_FOR_CHECK" });
  });

  it("records a decision in an advisory domain only when marked advisory only, and refuses an unknown domain", async () => {
    const care = { type: "decision.record", text: "Meer inloopspreekuren bij de GGD", domain: "care", participationForm: "consultation" };
    const before = await rowCounts();
    await expect(run(at.chair, care, 27)).rejects.toMatchObject({ code: "DECISION_ADVISORY_UNCONFIRMED" });
    await expect(run(at.chair, { ...care, domain: "enforcement" }, 27)).rejects.toMatchObject({ code: "DECISION_DOMAIN_UNKNOWN" });
    expect(await rowCounts()).toEqual(before);
    await run(at.chair, { ...care, advisoryConfirmed: true }, 27);
    await run(at.chair, { ...care, text: "Bestemmingsplan herzien", domain: "zoning_permits", advisoryConfirmed: true }, 27);
    expect((await state(27)).decisions.slice(1).map((d) => [d.domain, d.scope, d.advisoryReason])).toEqual([
      ["care", "advisory_only", "advisory_power"],
      ["zoning_permits", "advisory_only", "domain_not_covered"],
    ]);
  });

  it("keeps a recorded decision immutable in the database", async () => {
    await expect(t.db.$executeRaw`UPDATE "Decision" SET "scope" = 'within_scope'`).rejects.toThrow(/immutable/);
    await expect(t.db.$executeRaw`DELETE FROM "Decision"`).rejects.toThrow(/immutable/);
  });

  it("ends the meeting once no check is open; nothing more is taken", async () => {
    await run(at.chair, { type: "session.end" }, 30);
    const s = await state(31);
    expect([s.running, s.endedAt]).toEqual([false, at_(30).toISOString()]);
    await expect(run(at.delegates.rll, { type: "hand.raise" }, 31)).rejects.toMatchObject({ code: "MEETING_ENDED" });
    await expect(run(at.chair, { type: "session.open" }, 31)).rejects.toMatchObject({ code: "MEETING_ENDED" });
  });

  it("raises the console revision with every stored command, also a late attendance correction", async () => {
    const before = (await state()).revision;
    const membership = await t.db.membership.findFirstOrThrow({ where: { accountId: at.delegates.ggd, tableId: at.tableId } });
    await run(at.chair, { type: "attendance.mark", membershipId: membership.id, status: "left_early" }, 40);
    const after = await state(40);
    expect(after.revision).toBe(before + 1);
    expect(after.attendance.find((a) => a.membershipId === membership.id)?.status).toBe("left_early");
  });
});
