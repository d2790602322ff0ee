// Who hears of what: each command that asks something of people writes one notification per person
// concerned, in its own transaction, and nobody else gets one. The texts come from the kind alone,
// so a screen someone else can see never shows a table, a party or a person.
import { createTranslator } from "use-intl/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../../i18n/messages.ts";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable } from "../../test/fact-table.ts";
import { compensationPolicy, makeAccount, makeTable } from "../../test/factories.ts";
import { proposeFromAttendance, setCompensationPolicy } from "../compensation/commands.ts";
import { openRound } from "../decisions/rounds.ts";
import { docName } from "../docs/names.ts";
import { contentUpdate, paragraphs } from "../docs/seed.ts";
import { appendUpdate } from "../docs/store.ts";
import { freezeVersion, storedState } from "../docs/versions.ts";
import { recordAdoption } from "../measures/adoption.ts";
import { changeMeasureStatus, createMeasure } from "../measures/commands.ts";
import { openImpactCheck, respondToCheck } from "../measures/impact.ts";
import { IMPACT_DIMENSIONS } from "../measures/model.ts";
import { addReviewDate, openReview, setEvaluators } from "../measures/monitoring.ts";
import { chooseSlot, proposePoll, scheduleMeeting } from "../meetings/commands.ts";
import { circulateMinutes, freezeMinutes } from "../meetings/minutes.ts";
import { readmitMember, removeMember } from "../tables/members.ts";
import { addParty } from "../tables/parties.ts";
import { NOTIFICATION_KINDS, type NotificationKind } from "./model.ts";
import { notify } from "./notify.ts";
import { markAllRead, markRead, notificationsOf, unreadCount } from "./queries.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
/** The municipality department with its official as delegate. */
let gemeente: string;
let official: string;
/** A second delegate of the sex worker organisation who erased their account, and a delegate who left. */
let erased: string;
let left: string;
/** Another table, whose people hear nothing of this one. */
let elsewhere: { tableId: string; facilitator: string; chair: string; delegate: string };

// Tuesday 1 December 2026, 11:00 in Amsterdam. Every step below happens at its own minute, so the
// notifications of one step are those written at that minute.
const NOW = new Date("2026-12-01T10:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function writeDoc(name: string, texts: string[]) {
  await appendUpdate(t.db, name, contentUpdate(await storedState(t.db, name), paragraphs(texts)));
}

/** Who got a notification of this kind at this moment, and where it leads. */
async function sent(kind: NotificationKind, when: Date) {
  const rows = await t.db.notification.findMany({ where: { kind, createdAt: when }, select: { accountId: true, link: true } });
  return { to: rows.map((row) => row.accountId).sort(), links: [...new Set(rows.map((row) => row.link))] };
}
const sorted = (ids: string[]) => [...ids].sort();
const allDelegates = () => [at.delegates.rll, at.delegates.bewoners, at.delegates.ggd, official];
/** People who are never told anything about this table. */
const never = () => [erased, left, elsewhere.facilitator, elsewhere.chair, elsewhere.delegate];

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
  gemeente = (
    await addParty(t.db, at.facilitator, at.tableId, { type: "municipality_department", name: "Gemeente Lindendam, Openbare Orde" })
  ).id;
  official = (await makeAccount(t.db, { pseudonym: "Joost" })).id;
  await t.db.membership.create({ data: { tableId: at.tableId, accountId: official, role: "delegate", partyId: gemeente } });
  erased = (await makeAccount(t.db, { pseudonym: "Wisselvallig" })).id;
  await t.db.membership.create({ data: { tableId: at.tableId, accountId: erased, role: "delegate", partyId: at.parties.rll } });
  await t.db.account.update({ where: { id: erased }, data: { erasedAt: NOW } });
  left = (await makeAccount(t.db, { pseudonym: "Vertrokken" })).id;
  await t.db.membership.create({
    data: { tableId: at.tableId, accountId: left, role: "delegate", partyId: at.parties.bewoners, leftAt: NOW },
  });

  const other = await makeTable(t.db, ["chair"], "Tafel Elders");
  const otherParty = await addParty(t.db, other.facilitator.accountId, other.tableId, { type: "residents", name: "Buurtraad Elders" });
  const otherDelegate = (await makeAccount(t.db, { pseudonym: "Elsbeth" })).id;
  await t.db.membership.create({ data: { tableId: other.tableId, accountId: otherDelegate, role: "delegate", partyId: otherParty.id } });
  elsewhere = {
    tableId: other.tableId,
    facilitator: other.facilitator.accountId,
    chair: other.members[0]?.accountId as string,
    delegate: otherDelegate,
  };
});
afterAll(async () => {
  await t.close();
});

describe("a round opened", () => {
  it("on the problem statement tells the current delegates of the counted parties, leading to the problem page", async () => {
    const name = docName({ kind: "problem", tableId: at.tableId });
    await writeDoc(name, ["Thuiswerk is in Lindendam verboden."]);
    const version = await freezeVersion(t.db, at.chair, { kind: "problem", tableId: at.tableId }, later(1));
    await openRound(t.db, at.chair, at.tableId, { versionId: version.id, deadline: "2026-12-08T17:00" }, later(2));
    const { to, links } = await sent("round_opened", later(2));
    expect(to).toEqual(sorted(allDelegates()));
    for (const person of [at.chair, at.facilitator, at.secretary, at.observer, ...never()]) expect(to).not.toContain(person);
    expect(links).toEqual([`/tables/${at.tableId}/problem`]);
  });

  it("on the minutes leads to the minutes, and on a measure to the measure", async () => {
    const meeting = await scheduleMeeting(
      t.db,
      at.chair,
      at.tableId,
      { title: "Avondoverleg", startsAt: "2026-12-03T19:30", endsAt: "2026-12-03T21:30" },
      later(3),
    );
    const afterMeeting = new Date("2026-12-04T10:00:00Z");
    await writeDoc(docName({ kind: "minutes", tableId: at.tableId, meetingId: meeting.id }), ["Aanwezig: vier partijen."]);
    const minutes = await freezeMinutes(t.db, at.secretary, at.tableId, meeting.id, afterMeeting);
    await circulateMinutes(t.db, at.chair, at.tableId, meeting.id, { versionId: minutes.id, deadline: "2026-12-11T17:00" }, afterMeeting);
    const onMinutes = await sent("round_opened", afterMeeting);
    expect(onMinutes.to).toEqual(sorted(allDelegates()));
    expect(onMinutes.links).toEqual([`/tables/${at.tableId}/meetings/${meeting.id}/minutes`]);

    const measure = await createMeasure(
      t.db,
      at.chair,
      at.tableId,
      { title: "Thuiswerk vergunnen", kind: "permit_condition", purpose: "Een vergunning zonder registratie.", responsibleBody: "college" },
      later(4),
    );
    await writeDoc(docName({ kind: "measure", tableId: at.tableId, measureId: measure.id }), ["Artikel 3.2 vervalt."]);
    const version = await freezeVersion(t.db, at.chair, { kind: "measure", tableId: at.tableId, measureId: measure.id }, later(5));
    await openRound(t.db, at.facilitator, at.tableId, { versionId: version.id, deadline: "2026-12-08T17:00" }, later(6));
    const onMeasure = await sent("round_opened", later(6));
    expect(onMeasure.to).toEqual(sorted(allDelegates()));
    expect(onMeasure.links).toEqual([`/tables/${at.tableId}/measures/${measure.id}`]);
  });
});

describe("a meeting scheduled", () => {
  it("directly or from a poll tells every current member but the one who scheduled it", async () => {
    const meeting = await scheduleMeeting(
      t.db,
      at.chair,
      at.tableId,
      { title: "Bewonersavond", address: "Havenstraat 12", startsAt: "2026-12-10T19:30", endsAt: "2026-12-10T21:30" },
      later(10),
    );
    const direct = await sent("meeting_scheduled", later(10));
    expect(direct.to).toEqual(sorted([at.facilitator, at.secretary, at.observer, ...allDelegates()]));
    for (const person of [at.chair, ...never()]) expect(direct.to).not.toContain(person);
    expect(direct.links).toEqual([`/tables/${at.tableId}/meetings/${meeting.id}`]);

    const poll = await proposePoll(
      t.db,
      at.facilitator,
      at.tableId,
      { title: "Tweede overleg", slots: [{ startsAt: "2026-12-17T19:30", endsAt: "2026-12-17T21:30" }] },
      later(11),
    );
    expect((await sent("meeting_scheduled", later(11))).to).toEqual([]);
    const slot = await t.db.pollSlot.findFirstOrThrow({ where: { pollId: poll.id } });
    const chosen = await chooseSlot(t.db, at.facilitator, at.tableId, poll.id, slot.id, later(12));
    const fromPoll = await sent("meeting_scheduled", later(12));
    expect(fromPoll.to).toEqual(sorted([at.chair, at.secretary, at.observer, ...allDelegates()]));
    expect(fromPoll.to).not.toContain(at.facilitator);
    expect(fromPoll.links).toEqual([`/tables/${at.tableId}/meetings/${chosen.id}`]);
  });
});

describe("a measure's impact check and review", () => {
  it("tell the delegates of the counted parties, and at the review only those of the evaluating parties", async () => {
    const measure = await createMeasure(
      t.db,
      at.chair,
      at.tableId,
      { title: "Anoniem spreekuur", kind: "protocol", purpose: "Een spreekuur zonder naam.", responsibleBody: "college" },
      later(20),
    );
    await writeDoc(docName({ kind: "measure", tableId: at.tableId, measureId: measure.id }), ["De GGD houdt een anoniem spreekuur."]);
    await freezeVersion(t.db, at.chair, { kind: "measure", tableId: at.tableId, measureId: measure.id }, later(21));
    await openImpactCheck(t.db, at.chair, at.tableId, measure.id, later(22));
    const check = await sent("check_opened", later(22));
    expect(check.to).toEqual(sorted(allDelegates()));
    for (const person of [at.chair, at.facilitator, at.secretary, at.observer, ...never()]) expect(check.to).not.toContain(person);
    expect(check.links).toEqual([`/tables/${at.tableId}/measures/${measure.id}`]);

    const assessments = IMPACT_DIMENSIONS.map((dimension) => ({ dimension, effect: "none", forWhom: "", reasoning: "", factIds: [] }));
    for (const delegate of allDelegates()) {
      await respondToCheck(t.db, delegate, at.tableId, measure.id, { declined: false, assessments }, later(23));
    }
    await changeMeasureStatus(t.db, at.chair, at.tableId, measure.id, { to: "proposed" }, later(24));
    const adoption = { body: "college", reference: "Collegebesluit 2026/1187", decidedOn: "2026-11-28", effectiveOn: "2027-01-01" };
    await recordAdoption(t.db, official, at.tableId, measure.id, adoption, later(25));
    await setEvaluators(t.db, at.chair, at.tableId, measure.id, [gemeente], later(26));
    const review = await addReviewDate(t.db, at.chair, at.tableId, measure.id, { scheduledFor: "2027-06-01" }, later(27));
    await changeMeasureStatus(t.db, at.chair, at.tableId, measure.id, { to: "in_force" }, later(28));
    await openReview(t.db, at.chair, at.tableId, measure.id, review.id, later(29));
    // The parties the plan names and, always, the sex worker organisation.
    const opened = await sent("review_opened", later(29));
    expect(opened.to).toEqual(sorted([official, at.delegates.rll]));
    for (const person of [at.delegates.bewoners, at.delegates.ggd, at.chair, ...never()]) expect(opened.to).not.toContain(person);
    expect(opened.links).toEqual([`/tables/${at.tableId}/measures/${measure.id}`]);
  });
});

describe("compensation proposed from attendance", () => {
  it("tells the members whose entries were proposed, once", async () => {
    const ledger = await makeTable(t.db, ["delegate", "delegate", "treasurer", "chair", "observer"], "Tafel Vergoedingen");
    const [attended, absent, treasurer, chair, observer] = ledger.members as [
      (typeof ledger.members)[number],
      (typeof ledger.members)[number],
      (typeof ledger.members)[number],
      (typeof ledger.members)[number],
      (typeof ledger.members)[number],
    ];
    await t.db.table.update({ where: { id: ledger.tableId }, data: { status: "active" } });
    const meeting = await t.db.meeting.create({
      data: {
        tableId: ledger.tableId,
        title: "Avondoverleg",
        startsAt: new Date("2026-11-24T18:30:00Z"),
        endsAt: new Date("2026-11-24T21:00:00Z"),
        languages: [],
        compensatesMeals: true,
        createdBy: ledger.facilitator.membershipId,
      },
    });
    const mark = (membershipId: string, status: "present" | "online" | "absent") =>
      t.db.attendanceMark.create({ data: { meetingId: meeting.id, membershipId, status, recordedBy: chair.membershipId } });
    await mark(attended.membershipId, "present");
    await mark(absent.membershipId, "absent");
    await mark(chair.membershipId, "online");
    await mark(observer.membershipId, "present");
    await setCompensationPolicy(
      t.db,
      ledger.facilitator.accountId,
      ledger.tableId,
      compensationPolicy({ budgetSource: "Gemeente, participatiebudget" }),
      later(30),
    );
    await proposeFromAttendance(t.db, treasurer.accountId, ledger.tableId, meeting.id, later(31));
    const proposed = await sent("ledger_to_confirm", later(31));
    // The one in the room has two entries (time and a meal) and one notification.
    expect(proposed.to).toEqual(sorted([attended.accountId, chair.accountId]));
    for (const person of [absent.accountId, observer.accountId, treasurer.accountId, ledger.facilitator.accountId]) {
      expect(proposed.to).not.toContain(person);
    }
    expect(proposed.links).toEqual([`/tables/${ledger.tableId}/compensation`]);
    await proposeFromAttendance(t.db, treasurer.accountId, ledger.tableId, meeting.id, later(32));
    expect((await sent("ledger_to_confirm", later(32))).to).toEqual([]);
  });
});

describe("a removed member readmitted", () => {
  it("is told they can take part again, and nobody else is", async () => {
    const returning = (await makeAccount(t.db, { pseudonym: "Terugkeer" })).id;
    const membership = await t.db.membership.create({
      data: { tableId: elsewhere.tableId, accountId: returning, role: "observer" },
      select: { id: true },
    });
    await removeMember(t.db, elsewhere.facilitator, { tableId: elsewhere.tableId, membershipId: membership.id }, later(40));
    expect((await sent("invitation", later(40))).to).toEqual([]);
    await readmitMember(t.db, elsewhere.facilitator, { tableId: elsewhere.tableId, membershipId: membership.id }, later(41));
    expect(await sent("invitation", later(41))).toEqual({ to: [returning], links: [`/tables/${elsewhere.tableId}`] });
  });
});

describe("one's own notifications", () => {
  it("are written once per person, never for an erased account, and only with a link inside Tafel", async () => {
    const a = (await makeAccount(t.db)).id;
    const b = (await makeAccount(t.db)).id;
    const written = await t.db.$transaction((tx) => notify(tx, [a, a, b, erased], "meeting_scheduled", "/tables", later(50)));
    expect(written).toBe(2);
    expect((await sent("meeting_scheduled", later(50))).to).toEqual(sorted([a, b]));
    for (const link of ["//elders.example/tafel", "https://elders.example", "/\\elders.example", "tables", "/tables\n/x"]) {
      await expect(t.db.$transaction((tx) => notify(tx, [a], "meeting_scheduled", link, later(51)))).rejects.toThrow();
    }
    expect((await sent("meeting_scheduled", later(51))).to).toEqual([]);
  });

  it("count the unread, list the newest fifty first, and are marked read only by their owner", async () => {
    const me = (await makeAccount(t.db)).id;
    const someoneElse = (await makeAccount(t.db)).id;
    await t.db.$transaction(async (tx) => {
      for (let i = 0; i < 52; i += 1) await notify(tx, [me], "round_opened", `/tables/n${i}`, later(60 + i));
      await notify(tx, [someoneElse], "check_opened", "/tables/theirs", later(60));
    });
    expect(await unreadCount(t.db, me)).toBe(52);
    const list = await notificationsOf(t.db, me);
    expect(list).toHaveLength(50);
    expect(list[0]).toMatchObject({ kind: "round_opened", link: "/tables/n51", read: false });
    expect(list.at(-1)?.link).toBe("/tables/n2");
    // Looking at the list marks nothing read.
    expect(await unreadCount(t.db, me)).toBe(52);

    const newest = list[0]?.id as string;
    expect(await markRead(t.db, me, newest, later(200))).toEqual({ link: "/tables/n51" });
    expect(await unreadCount(t.db, me)).toBe(51);
    // Marking it again keeps the time it was first read.
    await markRead(t.db, me, newest, later(300));
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: newest } })).readAt).toEqual(later(200));
    expect((await notificationsOf(t.db, me))[0]?.read).toBe(true);

    const theirs = (await notificationsOf(t.db, someoneElse))[0]?.id as string;
    await expect(markRead(t.db, me, theirs, later(201))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markRead(t.db, me, "not-an-id", later(201))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await unreadCount(t.db, someoneElse)).toBe(1);

    expect(await markAllRead(t.db, me, later(202))).toBe(51);
    expect(await unreadCount(t.db, me)).toBe(0);
    expect(await unreadCount(t.db, someoneElse)).toBe(1);
    expect(await markAllRead(t.db, me, later(203))).toBe(0);
  });

  it("never show or follow a stored link that would leave Tafel", async () => {
    const me = (await makeAccount(t.db)).id;
    const row = await t.db.notification.create({
      data: { accountId: me, kind: "invitation", link: "//elders.example", createdAt: later(70) },
    });
    expect((await notificationsOf(t.db, me))[0]).toMatchObject({ id: row.id, link: null });
    expect(await markRead(t.db, me, row.id, later(71))).toEqual({ link: null });
  });
});

describe("notification texts", () => {
  it("take no placeholders and name no table, party, person or topic, in any language", async () => {
    // Everything the test data calls by name: none of it may appear in what a notification says.
    const names = [
      ...(await t.db.table.findMany({ select: { title: true } })).map((r) => r.title),
      ...(await t.db.party.findMany({ select: { name: true } })).map((r) => r.name),
      ...(await t.db.account.findMany({ select: { pseudonym: true } })).map((r) => r.pseudonym),
      ...(await t.db.measure.findMany({ select: { title: true } })).map((r) => r.title),
      ...(await t.db.meeting.findMany({ select: { title: true } })).map((r) => r.title),
      ...(await t.db.meetingPoll.findMany({ select: { title: true } })).map((r) => r.title),
    ].filter((name) => name.trim().length > 0);
    expect(names).toEqual(expect.arrayContaining(["Tafel Lindendam", "Stichting Rode Lantaarn", "Saffier", "Avondoverleg"]));
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      const tr = createTranslator({ locale, messages, namespace: "notifications" });
      for (const kind of NOTIFICATION_KINDS) {
        const raw = messages.notifications.kinds[kind];
        expect(raw, `${locale} ${kind}`).toBeTruthy();
        expect(raw, `${locale} ${kind} takes no placeholder`).not.toMatch(/[{}]/);
        const text = tr(`kinds.${kind}`).toLowerCase();
        for (const name of names) expect(text, `${locale} ${kind}`).not.toContain(name.toLowerCase());
      }
      const bell = tr("bell", { count: 3 }).toLowerCase();
      expect(bell).toContain("3");
      for (const name of names) expect(bell).not.toContain(name.toLowerCase());
    }
  });

  it("lead only to pages named by ids, never by a title", async () => {
    const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    const page = new RegExp(`^/tables/${uuid}(/problem|/compensation|/measures/${uuid}|/meetings/${uuid}(/minutes)?)?$`);
    const links = await t.db.notification.findMany({ where: { link: { startsWith: "/tables/" } }, select: { link: true } });
    const fromCommands = links.map((l) => l.link).filter((link) => link.length > "/tables/".length + 30);
    expect(fromCommands.length).toBeGreaterThan(10);
    for (const link of fromCommands) expect(link).toMatch(page);
  });
});
