// The download of everything held about a person: their own records, and nothing about anyone
// else — not another member's pseudonym, texts, ids or payout details, and none of their own
// payout details in readable form either.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { addClaim, setCompensationPolicy } from "../compensation/commands.ts";
import { saveOwnVault } from "../compensation/vault.ts";
import { keyringFrom, newVaultKey } from "../compensation/vault-crypto.ts";
import { recordPerception } from "../participation/commands.ts";
import { vouchForMember } from "../tables/members.ts";
import { addParty } from "../tables/parties.ts";
import { listPhases } from "../tables/phases.ts";
import { AUDIT_OTHER_MEMBER, AUDIT_YOU, OTHER_MEMBERSHIP_COLUMNS, type PersonalData, personalData, WRITTEN_BY } from "./personal-data.ts";
import { createSession } from "./sessions.ts";

type Person = { id: string; signInName: string; pseudonym: string; membershipId: string };
let t: TestDatabase;
let tableId: string;
let title: string;
let partyId: string;
let saffier: Person;
let orhidee: Person;
let facilitator: { id: string; pseudonym: string };
let exported: PersonalData;
const ring = keyringFrom(newVaultKey());
const day = new Date("2026-06-01T10:00:00Z");
const later = (minutes: number) => new Date(day.getTime() + minutes * 60_000);
const TEXT = { saffier: "Het tijdstip van de avond paste mij niet.", orhidee: "Ik kon er niet heen door mijn werk." };

beforeAll(async () => {
  t = await testDatabase();
  const table = await makeTable(t.db, [], "Tafel Lindendam-Oost");
  tableId = table.tableId;
  title = "Tafel Lindendam-Oost";
  const convener = await t.db.account.findUniqueOrThrow({ where: { id: table.facilitator.accountId } });
  facilitator = { id: convener.id, pseudonym: convener.pseudonym };
  await t.db.table.update({ where: { id: tableId }, data: { status: "active" } });
  partyId = (await addParty(t.db, facilitator.id, tableId, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" })).id;
  const delegate = async (pseudonym: string, partyContact = false): Promise<Person> => {
    const account = await makeAccount(t.db, { pseudonym });
    const m = await t.db.membership.create({
      data: { tableId, accountId: account.id, role: "delegate", partyId, partyContact },
      select: { id: true },
    });
    return { id: account.id, signInName: account.signInName, pseudonym: account.pseudonym, membershipId: m.id };
  };
  saffier = await delegate("Saffier Export");
  orhidee = await delegate("Orhidee Ander", true);
  // The party's contact vouches for Saffier: an event that names them both.
  await vouchForMember(t.db, orhidee.id, { tableId, membershipId: saffier.membershipId }, later(1));

  const phaseId = (await listPhases(t.db, tableId))[1]?.id ?? "";
  await t.db.phase.update({ where: { id: phaseId }, data: { startsOn: new Date("2026-05-01T00:00:00Z") } });
  await recordPerception(
    t.db,
    saffier.id,
    tableId,
    { phaseId, form: "informing", attribution: "person", explanation: TEXT.saffier },
    later(2),
  );
  await recordPerception(
    t.db,
    orhidee.id,
    tableId,
    { phaseId, form: "informing", attribution: "person", explanation: TEXT.orhidee },
    later(3),
  );

  await setCompensationPolicy(
    t.db,
    facilitator.id,
    tableId,
    { validFrom: "2026-01-01", hourRate: "30", sessionRate: "75", reviewRate: "50", draftRate: "100", kmRate: "0,23", budget: "500" },
    day,
  );
  await saveOwnVault(
    t.db,
    saffier.id,
    tableId,
    { legal_name: "Jane Doe", address: "Havenstraat 1", iban: "NL91ABNA0417164300" },
    ring,
    later(4),
  );
  await saveOwnVault(t.db, orhidee.id, tableId, { legal_name: "John Roe", iban: "NL20INGB0001234567" }, ring, later(4));
  await addClaim(t.db, saffier.id, tableId, { category: "travel", unit: "receipt", amount: "6,40", payoutRoute: "person" }, later(5));
  await addClaim(t.db, orhidee.id, tableId, { category: "meal", unit: "receipt", amount: "9,15", payoutRoute: "person" }, later(5));

  for (const who of [saffier, orhidee]) {
    await t.db.consentRecord.create({ data: { accountId: who.id, kind: "terms", textVersion: "2026-01", givenAt: later(6) } });
    await t.db.notification.create({
      data: { accountId: who.id, kind: "round_opened", link: `/tables/${tableId}/problem`, createdAt: later(6) },
    });
    await createSession(t.db, who.id, later(7));
  }
  const data = await personalData(t.db, saffier.id, later(10));
  if (!data) throw new Error("no export");
  exported = data;
}, 60_000);
afterAll(async () => t?.close());

describe("a person's data export", () => {
  it("holds their account, sessions as times only, consents, notifications and places at tables", () => {
    expect(exported.account).toMatchObject({
      signInName: saffier.signInName,
      pseudonym: saffier.pseudonym,
      locale: "nl",
      presenceEnabled: false,
    });
    expect(exported.sessions).toEqual([{ createdAt: later(7), lastSeenAt: later(7), revokedAt: null }]);
    expect(exported.consents).toEqual([{ kind: "terms", textVersion: "2026-01", choice: "", givenAt: later(6), withdrawnAt: null }]);
    expect(exported.notifications).toEqual([
      { kind: "round_opened", link: `/tables/${tableId}/problem`, createdAt: later(6), readAt: null },
    ]);
    expect(exported.memberships).toEqual([
      expect.objectContaining({
        table: title,
        role: "delegate",
        party: "Stichting Rode Lantaarn",
        vouched: true,
        vouchedAt: later(1),
        leftAt: null,
      }),
    ]);
  });

  it("holds what their membership wrote and their ledger lines, and which payout details are stored but not what they say", () => {
    expect(exported.written.perceptions).toEqual([
      expect.objectContaining({ table: title, form: "informing", attribution: "person", explanation: TEXT.saffier }),
    ]);
    expect(exported.ledger.map((l) => [l.table, l.category, l.amountCents, l.payoutRoute, l.status])).toEqual([
      [title, "travel", 640, "person", "confirmed"],
    ]);
    expect(exported.vault.map((v) => [v.table, v.field]).sort()).toEqual([
      [title, "address"],
      [title, "iban"],
      [title, "legal_name"],
    ]);
    expect(JSON.stringify(exported)).not.toMatch(/Jane|Havenstraat|NL91|ABNA/);
  });

  it("holds the log's events about them, with another member named only as such", () => {
    expect(exported.audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["account.created", "membership.vouched", "participation.perception_recorded", "compensation.vault_saved"]),
    );
    expect(exported.audit.find((e) => e.action === "membership.vouched")).toMatchObject({
      table: title,
      data: { by: AUDIT_OTHER_MEMBER, membership: AUDIT_YOU, party: partyId },
    });
    // The other delegate's own perception and claim are theirs, not in this export.
    expect(exported.audit.filter((e) => e.action === "participation.perception_recorded")).toHaveLength(1);
    expect(exported.audit.filter((e) => e.action === "compensation.claimed")).toHaveLength(1);
  });

  it("says nothing about anyone else", () => {
    const text = JSON.stringify(exported);
    for (const other of [orhidee.pseudonym, orhidee.signInName, orhidee.id, orhidee.membershipId, facilitator.pseudonym, facilitator.id]) {
      expect(text).not.toContain(other);
    }
    expect(text).not.toContain(TEXT.orhidee);
    expect(text).not.toMatch(/John|Roe|INGB/);
  });

  it("is null for an account that does not exist", async () => {
    expect(await personalData(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("looks in every column of the schema that names a membership", () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const columns: string[] = [];
    let model = "";
    for (const line of schema.split("\n")) {
      const start = /^model (\w+) \{/.exec(line);
      if (start) model = start[1] ?? "";
      const field = /^\s+(\w+)\s+String\??\s.*@db\.Uuid/.exec(line);
      if (!field || line.includes("@id")) continue;
      const name = field[1] ?? "";
      // Record references end in Id (tableId, factId, …); people are named by membership ids.
      if (name === "membershipId" || !/Ids?$/.test(name)) columns.push(`${model}.${name}`);
    }
    const covered = [...WRITTEN_BY, ...OTHER_MEMBERSHIP_COLUMNS].map((s) => `${s.model}.${s.column}`);
    expect(columns.filter((c) => !covered.includes(c))).toEqual([]);
    expect(covered.filter((c) => !columns.includes(c))).toEqual([]);
    expect(new Set(WRITTEN_BY.map((s) => s.key)).size).toBe(WRITTEN_BY.length);
  });
});
