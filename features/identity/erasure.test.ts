// Erasing an account, end to end on the database: a sex worker delegate who said things for their
// organisation and under their own pseudonym, took a position on a fact, answered a round and
// claimed compensation with payout details in the vault. After erasure the organisation keeps its
// words, the pseudonymous ones read as a former member's, the ledger keeps its amounts, the vault
// is empty, and nobody can sign in to the account again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable, SOURCED_SHARE } from "../../test/fact-table.ts";
import { makeAccount, makeTable, PASSPHRASE } from "../../test/factories.ts";
import { addClaim, setCompensationPolicy } from "../compensation/commands.ts";
import { compensationView, ledgerLines } from "../compensation/queries.ts";
import { saveOwnVault } from "../compensation/vault.ts";
import { keyringFrom, newVaultKey } from "../compensation/vault-crypto.ts";
import { answerRound, openRound, roundsOf } from "../decisions/rounds.ts";
import { docName } from "../docs/names.ts";
import { contentUpdate, paragraphs } from "../docs/seed.ts";
import { appendUpdate } from "../docs/store.ts";
import { freezeVersion, storedState } from "../docs/versions.ts";
import { proposeFact, recordPosition } from "../facts/commands.ts";
import type { FactInput } from "../facts/model.ts";
import { factDetail } from "../facts/queries.ts";
import { recordPerception } from "../participation/commands.ts";
import { participationMatrix } from "../participation/queries.ts";
import { activityOf } from "../tables/activity.ts";
import { readmitMember, removedMembers, removeMember } from "../tables/members.ts";
import { listPhases } from "../tables/phases.ts";
import { tableForMember } from "../tables/queries.ts";
import { createAccount } from "./accounts.ts";
import { eraseAccount, lastFacilitatorTables } from "./erasure.ts";
import { personalData } from "./personal-data.ts";
import { activeSession, createSession } from "./sessions.ts";
import { signIn } from "./sign-in.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
let saffier: { id: string; signInName: string; pseudonym: string; membershipId: string };
let treasurer: string;
let factId: string;
let roundId: string;
let sessions: string[];
const ring = keyringFrom(newVaultKey());
const secret = "erasure-test-secret";
const limits = { idleMs: 8 * 3_600_000, maxMs: 24 * 3_600_000 };
const day = new Date("2026-06-01T10:00:00Z");
const later = (minutes: number) => new Date(day.getTime() + minutes * 60_000);
const PERSONAL = "Ik voel me niet gehoord als thuiswerker.";
const FOR_ORGANISATION = "Onze achterban werd te laat betrokken.";

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
  await t.db.table.update({ where: { id: at.tableId }, data: { status: "active" } });
  // The fact table's sex worker delegate, with a pseudonym nobody else has.
  const account = await makeAccount(t.db, { pseudonym: "Saffier van de Haven" });
  const membership = await t.db.membership.create({
    data: { tableId: at.tableId, accountId: account.id, role: "delegate", partyId: at.parties.rll, partyContact: true },
    select: { id: true },
  });
  saffier = { id: account.id, signInName: account.signInName, pseudonym: account.pseudonym, membershipId: membership.id };
  treasurer = (await makeAccount(t.db)).id;
  await t.db.membership.create({ data: { tableId: at.tableId, accountId: treasurer, role: "treasurer" } });

  // Participation: one assessment for the organisation, one under the pseudonym.
  const phaseId = (await listPhases(t.db, at.tableId))[1]?.id ?? "";
  await t.db.phase.update({ where: { id: phaseId }, data: { startsOn: new Date("2026-05-01T00:00:00Z") } });
  const perception = (attribution: string, explanation: string) =>
    recordPerception(t.db, saffier.id, at.tableId, { phaseId, form: "consultation", attribution, explanation }, day);
  await perception("organisation", FOR_ORGANISATION);
  await perception("person", PERSONAL);

  // A position on a fact, for the party.
  factId = (await proposeFact(t.db, at.facilitator, at.tableId, { ...SOURCED_SHARE, code: "" } as FactInput, day)).id;
  await recordPosition(t.db, saffier.id, at.tableId, factId, { stance: "disputes", reasoning: "De noemer klopt niet." }, later(1));

  // An answer in a round on the problem statement.
  const name = docName({ kind: "problem", tableId: at.tableId });
  await appendUpdate(t.db, name, contentUpdate(await storedState(t.db, name), paragraphs(["Probleemstelling."])));
  const version = await freezeVersion(t.db, at.chair, { kind: "problem", tableId: at.tableId }, day);
  roundId = (await openRound(t.db, at.chair, at.tableId, { versionId: version.id, deadline: "2026-06-08T17:00" }, day)).id;
  await answerRound(
    t.db,
    saffier.id,
    at.tableId,
    roundId,
    { answer: "support_with_reservations", reason: "Mits thuiswerk genoemd wordt." },
    later(2),
  );

  // A claim paid to the person, with payout details in the vault.
  await setCompensationPolicy(
    t.db,
    at.facilitator,
    at.tableId,
    { validFrom: "2026-01-01", hourRate: "30", sessionRate: "75", reviewRate: "50", draftRate: "100", kmRate: "0,23", budget: "500" },
    day,
  );
  await saveOwnVault(
    t.db,
    saffier.id,
    at.tableId,
    { legal_name: "Jane Doe", address: "Havenstraat 1", iban: "NL91ABNA0417164300" },
    ring,
    day,
  );
  await addClaim(t.db, saffier.id, at.tableId, { category: "travel", unit: "receipt", amount: "6,40", payoutRoute: "person" }, later(3));

  // Consents, a notification and two signed-in browsers.
  await t.db.consentRecord.create({ data: { accountId: saffier.id, kind: "terms", textVersion: "2026-01" } });
  await t.db.notification.create({ data: { accountId: saffier.id, kind: "round_opened", link: `/tables/${at.tableId}/problem` } });
  sessions = [await createSession(t.db, saffier.id, day), await createSession(t.db, saffier.id, later(1))];
}, 60_000);
afterAll(async () => t?.close());

/** What an erasure would change, to show that a refused one changed nothing. */
async function snapshot(accountId: string) {
  return {
    account: await t.db.account.findUniqueOrThrow({ where: { id: accountId } }),
    memberships: await t.db.membership.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    vault: await t.db.vaultValue.count(),
    consents: await t.db.consentRecord.count({ where: { accountId } }),
    notifications: await t.db.notification.count({ where: { accountId } }),
    sessions: await t.db.session.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    erasures: await t.db.auditEvent.count({ where: { action: { in: ["account.erased", "membership.erased"] } } }),
  };
}

const personalPerception = async (reader: string) => {
  const matrix = await participationMatrix(t.db, reader, at.tableId, later(10));
  const all = matrix.cells.flatMap((cell) => cell.timeline);
  return {
    organisation: all.find((p) => p.explanation === FOR_ORGANISATION)?.author,
    person: all.find((p) => p.explanation === PERSONAL)?.author,
  };
};

describe("erasing an account", () => {
  it("is refused with a wrong passphrase, which counts as a failed sign-in, and changes nothing", async () => {
    const before = await snapshot(saffier.id);
    const failures = await t.db.signInFailure.count();
    await expect(
      eraseAccount(t.db, saffier.id, { passphrase: "niet mijn eigen wachtzin" }, later(20), { secret, ip: "203.0.113.9" }),
    ).rejects.toMatchObject({ code: "PASSPHRASE_WRONG", details: { field: "passphrase" } });
    await expect(eraseAccount(t.db, saffier.id, { passphrase: 42 }, later(20))).rejects.toMatchObject({ code: "PASSPHRASE_WRONG" });
    expect(await snapshot(saffier.id)).toEqual(before);
    expect(await t.db.signInFailure.count()).toBeGreaterThan(failures);
    expect(await activeSession(t.db, sessions[0], limits, later(20))).not.toBeNull();
  });

  it("is refused for the last facilitator of a table that is not closed, and changes nothing", async () => {
    expect(await lastFacilitatorTables(t.db, at.facilitator)).toEqual([expect.objectContaining({ id: at.tableId })]);
    const before = await snapshot(at.facilitator);
    await expect(eraseAccount(t.db, at.facilitator, { passphrase: PASSPHRASE }, later(20))).rejects.toMatchObject({
      code: "LAST_FACILITATOR",
    });
    expect(await snapshot(at.facilitator)).toEqual(before);
  });

  it("goes ahead for the last facilitator of a closed table", async () => {
    const closed = await makeTable(t.db, ["delegate"]);
    const convener = closed.facilitator.accountId;
    await t.db.table.update({ where: { id: closed.tableId }, data: { status: "closed" } });
    expect(await lastFacilitatorTables(t.db, convener)).toEqual([]);
    await expect(eraseAccount(t.db, convener, { passphrase: PASSPHRASE }, later(20))).resolves.toEqual({ tables: 1 });
    expect(await t.db.membership.findUniqueOrThrow({ where: { id: closed.facilitator.membershipId } })).toMatchObject({
      leftAt: later(20),
    });
  });

  it("keeps the organisation's words, the ledger and the round, and names the person nowhere", async () => {
    const linesBefore = await ledgerLines(t.db, at.tableId);
    const budgetBefore = (await compensationView(t.db, treasurer, at.tableId, later(10))).budget?.totals;
    expect(await personalPerception(at.chair)).toEqual({
      organisation: { kind: "party", partyId: at.parties.rll },
      person: { kind: "person", pseudonym: saffier.pseudonym },
    });
    expect(JSON.stringify(await activityOf(t.db, at.chair, at.tableId))).toContain(saffier.pseudonym);

    const erasedAt = later(30);
    await expect(eraseAccount(t.db, saffier.id, { passphrase: PASSPHRASE }, erasedAt, { secret, ip: null })).resolves.toEqual({
      tables: 1,
    });

    // Organisation content stays the party's; the pseudonymous assessment reads as a former member's.
    expect(await personalPerception(at.chair)).toEqual({
      organisation: { kind: "party", partyId: at.parties.rll },
      person: { kind: "former" },
    });
    const activity = await activityOf(t.db, at.chair, at.tableId);
    const perceptions = activity.filter((e) => e.action === "participation.perception_recorded");
    expect(perceptions.map((e) => [e.spokenAs, e.actor, e.formerMember])).toEqual([
      [null, null, true],
      [{ kind: "party", name: "Stichting Rode Lantaarn" }, null, false],
    ]);
    expect(activity.find((e) => e.action === "membership.erased")).toMatchObject({ actor: null, formerMember: true, subject: null });
    expect(activity.find((e) => e.action === "round.answered")?.spokenAs).toEqual({ kind: "party", name: "Stichting Rode Lantaarn" });

    // The party's position and round answer still count.
    const fact = await factDetail(t.db, at.chair, at.tableId, factId);
    expect(fact.history.positions.map((p) => [p.party, p.stance, p.reasoning])).toEqual([
      ["Stichting Rode Lantaarn", "disputes", "De noemer klopt niet."],
    ]);
    const [round] = await roundsOf(t.db, at.observer, at.tableId, docName({ kind: "problem", tableId: at.tableId }), later(40));
    expect(round?.parties.find((p) => p.name === "Stichting Rode Lantaarn")?.answer).toBe("support_with_reservations");

    // Ledger entries stay with their amounts; the treasurer sees a former member, and no payout details.
    expect(await ledgerLines(t.db, at.tableId)).toEqual(linesBefore);
    const view = await compensationView(t.db, treasurer, at.tableId, later(40));
    expect(view.budget?.totals).toEqual(budgetBefore);
    expect(view.all?.filter((l) => l.membershipId === saffier.membershipId).map((l) => [l.pseudonym, l.amountCents])).toEqual([
      [null, 640],
    ]);
    expect(await t.db.vaultValue.count({ where: { membershipId: saffier.membershipId } })).toBe(0);

    // Nothing the members read names them any more.
    const members = await tableForMember(t.db, at.chair, at.tableId);
    expect(members.members.some((m) => m.membershipId === saffier.membershipId)).toBe(false);
    for (const read of [activity, fact, view, await participationMatrix(t.db, at.chair, at.tableId, later(40))]) {
      expect(JSON.stringify(read)).not.toContain(saffier.pseudonym);
    }
  });

  it("leaves an empty account that nobody can sign in to, with its name free again", async () => {
    const account = await t.db.account.findUniqueOrThrow({ where: { id: saffier.id } });
    expect(account).toMatchObject({ pseudonym: "", presenceEnabled: false, erasedAt: later(30) });
    expect(account.signInName).not.toBe(saffier.signInName);
    expect(await t.db.consentRecord.count({ where: { accountId: saffier.id } })).toBe(0);
    expect(await t.db.notification.count({ where: { accountId: saffier.id } })).toBe(0);
    // The membership stays, ended, as the place the records and the ledger refer to.
    expect(await t.db.membership.findUniqueOrThrow({ where: { id: saffier.membershipId } })).toMatchObject({
      leftAt: later(30),
      partyContact: false,
      partyId: at.parties.rll,
    });

    const all = await t.db.session.findMany({ where: { accountId: saffier.id } });
    expect(all.map((s) => s.revokedAt)).toEqual(all.map(() => later(30)));
    for (const id of sessions) expect(await activeSession(t.db, id, limits, later(31))).toBeNull();
    await expect(
      signIn(t.db, { signInName: saffier.signInName, passphrase: PASSPHRASE, ip: null }, { secret, now: () => later(32) }),
    ).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    await expect(
      signIn(t.db, { signInName: account.signInName, passphrase: PASSPHRASE, ip: null }, { secret, now: () => later(32) }),
    ).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    expect(await personalData(t.db, saffier.id)).toBeNull();
    await expect(eraseAccount(t.db, saffier.id, { passphrase: PASSPHRASE }, later(33))).rejects.toMatchObject({ code: "NOT_SIGNED_IN" });

    const again = await createAccount(t.db, {
      signInName: saffier.signInName,
      pseudonym: "Iemand anders",
      passphrase: PASSPHRASE,
      passphraseRepeat: PASSPHRASE,
    });
    expect(again.id).not.toBe(saffier.id);
  });

  it("is logged without anything that leads to the person", async () => {
    const events = await t.db.auditEvent.findMany({
      where: { action: { in: ["account.erased", "membership.erased"] }, createdAt: later(30) },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.tableId, e.accountId, e.data])).toEqual([
      ["membership.erased", at.tableId, null, {}],
      ["account.erased", null, null, {}],
    ]);
    const text = JSON.stringify(events, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
    for (const id of [saffier.id, saffier.membershipId, saffier.signInName, saffier.pseudonym, ...sessions]) {
      expect(text).not.toContain(id);
    }
  });

  it("takes a removed member off the list of removals for good", async () => {
    const kwartel = await makeAccount(t.db);
    const membership = await t.db.membership.create({
      data: { tableId: at.tableId, accountId: kwartel.id, role: "delegate", partyId: at.parties.bewoners },
      select: { id: true },
    });
    await removeMember(t.db, at.facilitator, { tableId: at.tableId, membershipId: membership.id }, later(50));
    expect((await removedMembers(t.db, at.facilitator, at.tableId)).map((m) => m.membershipId)).toContain(membership.id);
    await eraseAccount(t.db, kwartel.id, { passphrase: PASSPHRASE }, later(51));
    expect((await removedMembers(t.db, at.facilitator, at.tableId)).map((m) => m.membershipId)).not.toContain(membership.id);
    await expect(
      readmitMember(t.db, at.facilitator, { tableId: at.tableId, membershipId: membership.id }, later(52)),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
