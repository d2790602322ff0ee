// Test data made directly through the domain layer, against the database the app under test uses.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { linkFacts, proposeFact, recordPosition } from "../../features/facts/commands.ts";
import { askQuestion } from "../../features/facts/questions.ts";
import { createAccount } from "../../features/identity/accounts.ts";
import { addAgendaItem, proposePoll, scheduleMeeting } from "../../features/meetings/commands.ts";
import { amsterdamInputValue } from "../../features/shared/dates.ts";
import { createTable } from "../../features/tables/commands.ts";
import type { Role } from "../../features/tables/model.ts";
import { createDb, type Db } from "../../prisma/db.ts";

let db: Db | undefined;

export function testDb(): Db {
  db ??= createDb(readFileSync("test-results/e2e-state/database-url", "utf8").trim(), { max: 2, transactionTimeoutMs: 20_000 });
  return db;
}

export type TestAccount = { id: string; signInName: string; pseudonym: string; passphrase: string };

/** A demo person, with the passphrase the start script made and kept in its data folder. */
export function demoAccount(signInName: string, pseudonym: string): Omit<TestAccount, "id"> {
  const passphrase = readFileSync("test-results/e2e-state/data/demo-passphrase", "utf8").trim();
  return { signInName, pseudonym, passphrase };
}

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function makeAccount(pseudonym = unique("Iris")): Promise<TestAccount> {
  const signInName = unique("e2e").toLowerCase();
  const passphrase = `stille ${randomBytes(6).toString("hex")} haven`;
  const account = await createAccount(testDb(), { signInName, pseudonym, passphrase, passphraseRepeat: passphrase });
  return { id: account.id, signInName, pseudonym, passphrase };
}

export async function makeTable(
  members: { account: TestAccount; role: Role }[],
  title = unique("Tafel"),
): Promise<{ id: string; title: string }> {
  const [first, ...rest] = members;
  if (first?.role !== "facilitator") throw new Error("the first member convenes the table as facilitator");
  const table = await createTable(testDb(), first.account.id, { title });
  for (const member of rest) {
    await testDb().membership.create({ data: { tableId: table.id, accountId: member.account.id, role: member.role } });
  }
  return { id: table.id, title };
}

/** A figure with its range, base and source, as the register's tests and pages need one. */
export const RANGE_FACT = {
  title: "KLPD 2008: schattingen van zedenrechercheurs",
  statement: "Zes zedenrechercheurs schatten dat 50% tot 85% van de sekswerkers gedwongen werkt.",
  valueKind: "range" as const,
  valueLow: "50",
  valueHigh: "85",
  qualifier: "estimate" as const,
  unit: "% van de sekswerkers",
  percentage: true,
  sampleSize: "6",
  denominatorDescription: "Sekswerkers in Nederland (niet geteld)",
  evidenceKind: "expert_opinion" as const,
  sourceTitle: "Fact or frame? (artikel)",
  originalSource: "KLPD (2008)",
  citationChain: ["002 fn 3 -> KLPD (2008)"],
  caveats: ["Gissingen, geen meting"],
};

/**
 * Two linked facts, one party's position on the first and a question, at a table whose first
 * member is the facilitator. Returns the first fact's id.
 */
export async function seedRegister(facilitatorId: string, tableId: string): Promise<string> {
  const db = testDb();
  const party = await db.party.findFirst({ where: { tableId }, select: { id: true } });
  const first = await proposeFact(db, facilitatorId, tableId, { ...RANGE_FACT, code: "COE-03" });
  await proposeFact(db, facilitatorId, tableId, { ...RANGE_FACT, code: "COE-02", title: "Claim: 80-90% gedwongen", evidenceKind: "claim" });
  await linkFacts(db, facilitatorId, tableId, first.id, { type: "contradicts", target: "COE-02", note: "Andere orde van grootte" });
  if (party) {
    const delegate = await makeAccount(unique("Afgevaardigde"));
    await db.membership.create({ data: { tableId, accountId: delegate.id, role: "delegate", partyId: party.id } });
    await recordPosition(db, delegate.id, tableId, first.id, { stance: "disputes", reasoning: "Zes gissingen zijn geen meting." });
  }
  await askQuestion(db, facilitatorId, tableId, { question: "Hoeveel sekswerkers werken hier thuis?", assigneePartyId: party?.id ?? "" });
  return first.id;
}

/** A meeting a week from now with an address and an agenda item, and an open poll: for page scans. */
export async function seedMeeting(facilitatorId: string, tableId: string): Promise<string> {
  const db = testDb();
  const at = (days: number, hours = 0) => amsterdamInputValue(new Date(Date.now() + days * 86_400_000 + hours * 3_600_000));
  const meeting = await scheduleMeeting(db, facilitatorId, tableId, {
    title: "Avondoverleg",
    address: "Havenstraat 12",
    startsAt: at(7),
    endsAt: at(7, 2),
    safetyNotes: "Geen foto's, alleen voornamen",
  });
  await addAgendaItem(db, facilitatorId, tableId, meeting.id, {
    title: "Veiligheid bij thuiswerk",
    purpose: "discuss",
    timeboxMinutes: 30,
  });
  await proposePoll(db, facilitatorId, tableId, { title: "Tweede overleg", slots: [{ startsAt: at(14), endsAt: at(14, 2) }] });
  return meeting.id;
}

/**
 * A problem statement with two frozen versions and a closed endorsement round on the second,
 * answered by two parties' delegates, so the problem page renders every section.
 */
export async function seedProblem(facilitatorId: string, tableId: string): Promise<void> {
  const { docName } = await import("../../features/docs/names.ts");
  const { contentUpdate, paragraphs } = await import("../../features/docs/seed.ts");
  const { appendUpdate } = await import("../../features/docs/store.ts");
  const { freezeVersion, storedState } = await import("../../features/docs/versions.ts");
  const { answerRound, closeRound, openRound } = await import("../../features/decisions/rounds.ts");
  const { addParty } = await import("../../features/tables/parties.ts");
  const name = docName({ kind: "problem", tableId });
  const write = async (texts: string[]) =>
    appendUpdate(testDb(), name, contentUpdate(await storedState(testDb(), name), paragraphs(texts)));
  const ref = { kind: "problem" as const, tableId };
  await write(["Thuiswerk is in Lindendam verboden.", "Voor wie is dat een probleem?"]);
  await freezeVersion(testDb(), facilitatorId, ref);
  await write(["Thuiswerk is in Lindendam verboden, ook zonder overlast.", "Voor wie is dat een probleem?"]);
  const version = await freezeVersion(testDb(), facilitatorId, ref);
  const delegates: string[] = [];
  for (const [type, partyName] of [
    ["sex_worker_organisation", unique("Sekswerkers")],
    ["residents", unique("Bewoners")],
  ] as const) {
    const party = await addParty(testDb(), facilitatorId, tableId, { type, name: partyName });
    const delegate = await makeAccount();
    await testDb().membership.create({ data: { tableId, accountId: delegate.id, role: "delegate", partyId: party.id } });
    delegates.push(delegate.id);
  }
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16);
  const round = await openRound(testDb(), facilitatorId, tableId, { versionId: version.id, deadline });
  await answerRound(testDb(), delegates[0] as string, tableId, round.id, {
    answer: "cannot_support",
    reason: "Het woord 'probleem' legt de last bij ons.",
  });
  await answerRound(testDb(), delegates[1] as string, tableId, round.id, { answer: "support" });
  await closeRound(testDb(), facilitatorId, tableId, round.id);
}

/**
 * The demo's measure (the Lindendam protocol: drafted, checked by four parties, mitigated,
 * endorsed, adopted, monitored and reviewed) at a table whose first member is the facilitator,
 * written by the demo's own seeding with a chair and four parties' delegates made for it. Call it
 * before other parties get delegates: the check counts every party with one. Returns its id.
 */
export async function seedDemoMeasure(facilitatorId: string, tableId: string): Promise<string> {
  const { seedMeasures } = await import("../../features/demo/seed-measures.ts");
  const { addParty } = await import("../../features/tables/parties.ts");
  const accounts = new Map<string, string>([["noor", facilitatorId]]);
  const chair = await makeAccount(unique("Voorzitter"));
  await testDb().membership.create({ data: { tableId, accountId: chair.id, role: "chair" } });
  accounts.set("lotte", chair.id);
  const parties = new Map<string, string>();
  for (const [key, person, type, name] of [
    ["gemeente", "ilse", "municipality_department", "Gemeente Lindendam"],
    ["rll", "saffier", "sex_worker_organisation", "Stichting Rode Lantaarn Lindendam"],
    ["ggd", "femke", "public_health", "GGD Regio Lindendam"],
    ["bewoners", "henk", "residents", "Bewonersvereniging Oude Haven"],
  ] as const) {
    const party = await addParty(testDb(), facilitatorId, tableId, { type, name });
    const delegate = await makeAccount(unique("Afgevaardigde"));
    await testDb().membership.create({ data: { tableId, accountId: delegate.id, role: "delegate", partyId: party.id } });
    parties.set(key, party.id);
    accounts.set(person, delegate.id);
  }
  const accountOf = (signInName: string) => {
    const id = accounts.get(signInName);
    if (!id) throw new Error(`no account for ${signInName}`);
    return id;
  };
  const { measureId } = await seedMeasures(testDb(), { tableId, accountOf, parties, now: new Date() });
  return measureId;
}
