// Convening a table: parties and who speaks for them, the chair's own declaration, the order of
// phases, what members and outsiders see, and closed tables and other tables' ids refusing writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { DEMO_PEOPLE, seedDemo } from "../demo/seed.ts";
import { activityOf } from "./activity.ts";
import { appointChair, chairDeclarations, chairStanding, signChairDeclaration } from "./chair.ts";
import { acceptInvitation, changeRole, createInvitation } from "./commands.ts";
import { markCommitmentBreached, recordCommitment } from "./commitments.ts";
import { changeTableStatus } from "./details.ts";
import { governanceMap, municipalitiesVisibleTo } from "./governance-map.ts";
import { type MandateInput, recordMandate } from "./mandates.ts";
import { tableOverview } from "./overview.ts";
import { addParty, missingAffected, updateParty } from "./parties.ts";
import { addPhase, listPhases, movePhase, setCurrentPhase, updatePhase } from "./phases.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const now = new Date("2026-06-01T10:00:00Z");

const mandate: MandateInput = {
  issuingBody: "college",
  decisionReference: "LD-2025-014",
  decisionDate: "2025-03-03",
  scope: "Samen een herzien artikel en een monitoringsplan opstellen",
  domains: [
    { domain: "public_order", decisionPower: "binding_recommendation" },
    { domain: "care", decisionPower: "binding_recommendation" },
  ],
  termStart: "2025-03-03",
  termEnd: "2027-03-03",
  officials: [
    { office: "Burgemeester", portfolio: "Openbare orde", domains: ["public_order"] },
    { office: "Wethouder", portfolio: "Zorg", domains: ["care"] },
  ],
};

/** Everything a refused command could have touched at a table. */
async function snapshot(tableId: string) {
  const table = await t.db.table.findUniqueOrThrow({ where: { id: tableId } });
  const memberships = await t.db.membership.findMany({ where: { tableId }, orderBy: { id: "asc" } });
  const parties = await t.db.party.findMany({ where: { tableId }, orderBy: { id: "asc" } });
  const phases = await t.db.phase.findMany({ where: { tableId }, orderBy: { id: "asc" } });
  const mandates = await t.db.mandateVersion.count({ where: { tableId } });
  const commitments = await t.db.commitment.findMany({ where: { tableId }, orderBy: { id: "asc" } });
  const declarations = await t.db.chairDeclaration.count({ where: { tableId } });
  const invitations = await t.db.invitation.count({ where: { tableId } });
  const audit = await t.db.auditEvent.count({ where: { tableId } });
  return { table, memberships, parties, phases, mandates, commitments, declarations, invitations, audit };
}

describe("membership and parties", () => {
  it("links a member to a party; a delegate without a party is refused once the table has parties", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["observer"]);
    const observer = members[0]?.membershipId ?? "";
    const rll = await addParty(t.db, facilitator.accountId, tableId, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
    const before = await snapshot(tableId);
    await expect(
      changeRole(t.db, facilitator.accountId, { tableId, membershipId: observer, role: "delegate", partyId: "" }, now),
    ).rejects.toMatchObject({ code: "DELEGATE_NEEDS_PARTY" });
    await expect(changeRole(t.db, facilitator.accountId, { tableId, membershipId: observer, role: "delegate" }, now)).rejects.toMatchObject(
      {
        code: "DELEGATE_NEEDS_PARTY",
      },
    );
    expect(await snapshot(tableId)).toEqual(before);

    await changeRole(
      t.db,
      facilitator.accountId,
      { tableId, membershipId: observer, role: "delegate", partyId: rll.id, reason: "Afgevaardigd door RLL" },
      now,
    );
    expect(await t.db.membership.findUniqueOrThrow({ where: { id: observer } })).toMatchObject({ role: "delegate", partyId: rll.id });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { tableId, action: "membership.role_changed" } });
    expect(event.data).toEqual({
      by: facilitator.membershipId,
      membership: observer,
      from: "observer",
      to: "delegate",
      reason: "Afgevaardigd door RLL",
      party: rll.id,
      fromParty: null,
    });
    expect(event.createdAt).toEqual(now);
  });

  it("refuses another table's party, and a party for the chair, changing nothing", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["observer"]);
    const other = await makeTable(t.db);
    const foreign = await addParty(t.db, other.facilitator.accountId, other.tableId, { type: "police", name: "Politie" });
    const own = await addParty(t.db, facilitator.accountId, tableId, { type: "police", name: "Politie" });
    const observer = members[0]?.membershipId ?? "";
    await appointChair(t.db, facilitator.accountId, tableId, { membershipId: observer, holdsPoliticalOffice: false }, now);
    const before = await snapshot(tableId);
    await expect(
      changeRole(t.db, facilitator.accountId, { tableId, membershipId: observer, role: "chair", partyId: foreign.id }, now),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      changeRole(t.db, facilitator.accountId, { tableId, membershipId: observer, role: "chair", partyId: own.id }, now),
    ).rejects.toMatchObject({ code: "CHAIR_IS_DELEGATE" });
    await expect(
      createInvitation(t.db, facilitator.accountId, { tableId, role: "delegate", partyId: foreign.id }, now),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(tableId)).toEqual(before);
  });

  it("edits a party, refusing an empty name or another table's party", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const other = await makeTable(t.db);
    const party = await addParty(t.db, facilitator.accountId, tableId, { type: "residents", name: "Bewoners" });
    const foreign = await addParty(t.db, other.facilitator.accountId, other.tableId, { type: "residents", name: "Buren" });
    await updateParty(
      t.db,
      facilitator.accountId,
      tableId,
      party.id,
      { type: "residents", name: "Bewonersvereniging Oude Haven", represents: "Bewoners van de Oude Haven" },
      now,
    );
    const before = await snapshot(tableId);
    await expect(updateParty(t.db, facilitator.accountId, tableId, party.id, { type: "residents", name: "" }, now)).rejects.toMatchObject({
      code: "PARTY_NAME_INVALID",
    });
    await expect(
      updateParty(t.db, facilitator.accountId, tableId, foreign.id, { type: "residents", name: "Overgenomen" }, now),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(tableId)).toEqual(before);
    expect((await t.db.party.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe("Buren");
    expect((await t.db.party.findUniqueOrThrow({ where: { id: party.id } })).name).toBe("Bewonersvereniging Oude Haven");
  });
});

describe("whether all affected parties are present", () => {
  it("names the often-affected kinds of party that are not at the table yet", () => {
    expect(missingAffected([])).toEqual(["municipality_department", "operators", "public_health", "care_support", "police", "residents"]);
    expect(
      missingAffected([
        { type: "sex_worker_organisation" },
        { type: "municipality_department" },
        { type: "police" },
        { type: "public_health" },
        { type: "care_support" },
      ]),
    ).toEqual(["operators", "residents"]);
  });
});

describe("an invitation for a party", () => {
  it("places the person for the party without any vouch: vouching is the party contact's act, not the facilitator's", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    const rll = await addParty(t.db, facilitator.accountId, tableId, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
    // An old client still sending the facilitator's tick changes nothing.
    const invitation = await createInvitation(
      t.db,
      facilitator.accountId,
      { tableId, role: "delegate", partyId: rll.id, vouched: true },
      now,
    );
    expect((await t.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).vouched).toBe(false);
    const saffier = await makeAccount(t.db, { pseudonym: "Saffier" });
    const membership = await acceptInvitation(t.db, saffier.id, { token: invitation.token }, now);
    expect(await t.db.membership.findUniqueOrThrow({ where: { id: membership.id } })).toMatchObject({
      role: "delegate",
      partyId: rll.id,
      vouchedByPartyId: null,
    });
    const log = await activityOf(t.db, facilitator.accountId, tableId);
    expect(log.find((e) => e.action === "membership.joined")).toMatchObject({
      actor: "Saffier",
      detail: { role: "delegate", party: "Stichting Rode Lantaarn", vouched: false },
    });
    expect(JSON.stringify(log)).not.toContain(saffier.signInName);
  });
});

describe("a chair who joined through an invitation before accepting included the declaration", () => {
  it("signs their own independence declaration, with the facilitator who invited them on record", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["delegate"]);
    const invitation = await createInvitation(t.db, facilitator.accountId, { tableId, role: "chair" }, now);
    const lotte = await makeAccount(t.db, { pseudonym: "Lotte" });
    // Placed as such a chair was then: the invitation used, no declaration yet.
    const placed = await t.db.membership.create({ data: { tableId, accountId: lotte.id, role: "chair" }, select: { id: true } });
    await t.db.invitation.update({ where: { id: invitation.id }, data: { usedAt: now, usedByMembership: placed.id } });
    expect(await chairStanding(t.db, tableId)).toEqual({ declared: false });
    const before = await tableOverview(t.db, facilitator.accountId, tableId, now);
    expect(before.characteristics.find((c) => c.characteristic === "facilitative_chair")).toMatchObject({
      state: "not_met",
      reason: "chairUndeclared",
    });

    const unchanged = await snapshot(tableId);
    await expect(signChairDeclaration(t.db, lotte.id, tableId, { holdsPoliticalOffice: true }, now)).rejects.toMatchObject({
      code: "CHAIR_HOLDS_OFFICE",
    });
    for (const accountId of [facilitator.accountId, members[0]?.accountId ?? ""]) {
      await expect(signChairDeclaration(t.db, accountId, tableId, { holdsPoliticalOffice: false }, now)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await snapshot(tableId)).toEqual(unchanged);

    await signChairDeclaration(t.db, lotte.id, tableId, { holdsPoliticalOffice: false, declaredTies: "Geen" }, now);
    await expect(signChairDeclaration(t.db, lotte.id, tableId, { holdsPoliticalOffice: false }, now)).rejects.toMatchObject({
      code: "CHAIR_ALREADY_DECLARED",
    });
    expect(await chairDeclarations(t.db, tableId)).toEqual([
      {
        membershipId: expect.any(String),
        pseudonym: "Lotte",
        declaration: { signedAt: now, declaredTies: "Geen", appointer: { kind: "member", pseudonym: expect.stringMatching(/^Pseudo/) } },
      },
    ]);
    expect((await t.db.chairDeclaration.findFirstOrThrow({ where: { tableId } })).appointedBy).toBe(facilitator.membershipId);
    const after = await tableOverview(t.db, facilitator.accountId, tableId, now);
    expect(after.characteristics.find((c) => c.characteristic === "facilitative_chair")).toMatchObject({ state: "met" });
    expect((await activityOf(t.db, facilitator.accountId, tableId)).some((e) => e.action === "chair.declared" && e.actor === "Lotte")).toBe(
      true,
    );
  });
});

describe("the order of phases", () => {
  it("can be changed a step at a time by the facilitator or chair, and is recorded", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["chair", "observer"]);
    const [chair, observer] = members;
    const kinds = async () => (await listPhases(t.db, tableId)).map((p) => p.kind ?? p.name);
    const [first, second] = await listPhases(t.db, tableId);
    await movePhase(t.db, facilitator.accountId, tableId, second?.id ?? "", "up", now);
    expect((await kinds()).slice(0, 3)).toEqual(["problem_definition", "agenda_setting", "fact_finding"]);
    await movePhase(t.db, chair?.accountId ?? "", tableId, second?.id ?? "", "down", now);
    expect((await kinds()).slice(0, 2)).toEqual(["agenda_setting", "problem_definition"]);
    // The first phase cannot go further up; nothing happens.
    const before = await snapshot(tableId);
    await movePhase(t.db, facilitator.accountId, tableId, first?.id ?? "", "up", now);
    expect(await snapshot(tableId)).toEqual(before);

    const extra = await addPhase(t.db, facilitator.accountId, tableId, { name: "Tussenevaluatie" }, now);
    await movePhase(t.db, facilitator.accountId, tableId, extra.id, "up", now);
    expect((await kinds()).slice(-2)).toEqual(["Tussenevaluatie", "monitoring_and_evaluation"]);
    expect(await t.db.auditEvent.count({ where: { tableId, action: "phase.moved" } })).toBe(3);

    const unchanged = await snapshot(tableId);
    await expect(movePhase(t.db, observer?.accountId ?? "", tableId, extra.id, "down", now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(movePhase(t.db, facilitator.accountId, tableId, extra.id, "sideways", now)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(addPhase(t.db, facilitator.accountId, tableId, { name: " " }, now)).rejects.toMatchObject({ code: "PHASE_NAME_INVALID" });
    expect(await snapshot(tableId)).toEqual(unchanged);
  });
});

describe("ids of another table", () => {
  it("are refused as if they did not exist, and nothing changes at either table", async () => {
    const mine = await makeTable(t.db, ["chair"]);
    const theirs = await makeTable(t.db, ["observer"]);
    const me = mine.facilitator.accountId;
    const theirParty = await addParty(t.db, theirs.facilitator.accountId, theirs.tableId, { type: "operators", name: "Exploitanten" });
    const theirCommitment = await recordCommitment(
      t.db,
      theirs.facilitator.accountId,
      theirs.tableId,
      { partyId: theirParty.id, kind: "decisions_here" },
      now,
    );
    const theirPhase = (await listPhases(t.db, theirs.tableId))[2]?.id ?? "";
    const theirMember = theirs.members[0]?.membershipId ?? "";
    const before = [await snapshot(mine.tableId), await snapshot(theirs.tableId)];
    const attempts: (() => Promise<unknown>)[] = [
      () => setCurrentPhase(t.db, me, mine.tableId, theirPhase, now),
      () => updatePhase(t.db, me, mine.tableId, theirPhase, { name: "Overgenomen", deliverables: "", startsOn: "", endsOn: "" }, now),
      () => movePhase(t.db, me, mine.tableId, theirPhase, "up", now),
      () => recordCommitment(t.db, me, mine.tableId, { partyId: theirParty.id, kind: "share_data" }, now),
      () =>
        markCommitmentBreached(
          t.db,
          mine.members[0]?.accountId ?? "",
          mine.tableId,
          { commitmentId: theirCommitment.id, note: "Geschonden" },
          now,
        ),
      () => appointChair(t.db, me, mine.tableId, { membershipId: theirMember, holdsPoliticalOffice: false }, now),
      () => changeRole(t.db, me, { tableId: mine.tableId, membershipId: theirMember, role: "observer" }, now),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Their table itself is not reachable either.
    await expect(addParty(t.db, me, theirs.tableId, { type: "police", name: "Politie" }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(activityOf(t.db, me, theirs.tableId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect([await snapshot(mine.tableId), await snapshot(theirs.tableId)]).toEqual(before);
  });
});

describe("a closed table", () => {
  it("refuses every change with TABLE_CLOSED and changes nothing, but stays readable", async () => {
    const { tableId, facilitator, members } = await makeTable(t.db, ["chair", "observer", "delegate"]);
    const [chair, observer, delegate] = members;
    const party = await addParty(t.db, facilitator.accountId, tableId, { type: "sex_worker_organisation", name: "RLL" });
    const commitment = await recordCommitment(t.db, facilitator.accountId, tableId, { partyId: party.id, kind: "decisions_here" }, now);
    await recordMandate(t.db, facilitator.accountId, tableId, mandate, now);
    const phase = (await listPhases(t.db, tableId))[1]?.id ?? "";
    await changeTableStatus(t.db, facilitator.accountId, tableId, "closed", now);
    const before = await snapshot(tableId);
    const f = facilitator.accountId;
    const refusals: (() => Promise<unknown>)[] = [
      () => addParty(t.db, f, tableId, { type: "police", name: "Politie" }, now),
      () => updateParty(t.db, f, tableId, party.id, { type: "sex_worker_organisation", name: "Andere naam" }, now),
      () => addPhase(t.db, f, tableId, { name: "Extra fase" }, now),
      () => updatePhase(t.db, f, tableId, phase, { name: "", deliverables: "Iets", startsOn: "", endsOn: "" }, now),
      () => movePhase(t.db, f, tableId, phase, "down", now),
      () => setCurrentPhase(t.db, f, tableId, phase, now),
      () => recordMandate(t.db, f, tableId, { ...mandate, amendmentNote: "Verlengd" }, now),
      () => recordCommitment(t.db, f, tableId, { partyId: party.id, kind: "share_data" }, now),
      () => markCommitmentBreached(t.db, chair?.accountId ?? "", tableId, { commitmentId: commitment.id, note: "Geschonden" }, now),
      () => createInvitation(t.db, f, { tableId, role: "observer" }, now),
      () => changeRole(t.db, f, { tableId, membershipId: delegate?.membershipId ?? "", role: "observer" }, now),
      () => appointChair(t.db, f, tableId, { membershipId: observer?.membershipId ?? "", holdsPoliticalOffice: false }, now),
      () => signChairDeclaration(t.db, chair?.accountId ?? "", tableId, { holdsPoliticalOffice: false }, now),
    ];
    for (const refusal of refusals) await expect(refusal()).rejects.toMatchObject({ code: "TABLE_CLOSED" });
    expect(await snapshot(tableId)).toEqual(before);
    // Reading goes on, for every member.
    for (const accountId of [f, observer?.accountId ?? "", delegate?.accountId ?? ""]) {
      expect((await tableOverview(t.db, accountId, tableId, now)).parties).toHaveLength(1);
      expect((await activityOf(t.db, accountId, tableId)).length).toBeGreaterThan(0);
    }
  });
});

describe("the governance map", () => {
  it("lists public tables for everyone and private ones only for their members, whatever their status", async () => {
    const municipality = `Lindendam-${Math.random().toString(36).slice(2, 8)}`;
    const open = await makeTable(t.db, [], "Openbare tafel");
    const closed = await makeTable(t.db, [], "Gesloten openbare tafel");
    const secret = await makeTable(t.db, ["observer"], "Besloten tafel");
    for (const table of [open, closed])
      await t.db.table.update({ where: { id: table.tableId }, data: { municipality, publicSummary: true } });
    await t.db.table.update({ where: { id: secret.tableId }, data: { municipality: municipality.toLowerCase(), publicSummary: false } });
    await recordMandate(t.db, open.facilitator.accountId, open.tableId, mandate, now);
    await recordMandate(
      t.db,
      secret.facilitator.accountId,
      secret.tableId,
      {
        ...mandate,
        domains: [{ domain: "labour_income", decisionPower: "advisory" }],
        officials: [{ office: "Wethouder", portfolio: "Werk", domains: ["labour_income"] }],
      },
      now,
    );
    await changeTableStatus(t.db, closed.facilitator.accountId, closed.tableId, "closed", now);
    const stranger = await makeAccount(t.db);
    const observer = secret.members[0]?.accountId ?? "";

    for (const viewer of [null, stranger.id]) {
      const map = await governanceMap(t.db, viewer, municipality, now);
      expect(map.tables.map((table) => table.title)).toEqual(["Openbare tafel", "Gesloten openbare tafel"]);
      expect(map.coverage.find((row) => row.domain === "labour_income")?.state).toBe("uncovered");
      expect(await municipalitiesVisibleTo(t.db, viewer)).toContain(municipality);
      expect(await municipalitiesVisibleTo(t.db, viewer)).not.toContain(municipality.toLowerCase());
    }
    const asMember = await governanceMap(t.db, observer, municipality, now);
    expect(asMember.tables.map((table) => [table.title, table.isMember])).toEqual([
      ["Openbare tafel", false],
      ["Gesloten openbare tafel", false],
      ["Besloten tafel", true],
    ]);
    expect(asMember.coverage.find((row) => row.domain === "labour_income")).toMatchObject({ state: "covered" });
    const dual = asMember.tables.find((table) => table.title === "Openbare tafel")?.mandate;
    expect(dual).toMatchObject({ dual: true, officials: [{ office: "Burgemeester" }, { office: "Wethouder" }] });
    expect(asMember.tables.find((table) => table.title === "Besloten tafel")?.mandate?.dual).toBe(false);
  });
});

describe("the Lindendam demo", () => {
  it("has seven parties, seven phases with what each delivers, joint problem definition under way, and a chair who declared", async () => {
    const { tableId } = await seedDemo(t.db, now);
    const noor = await t.db.account.findUniqueOrThrow({ where: { signInName: "noor" } });
    const overview = await tableOverview(t.db, noor.id, tableId, now);
    expect(overview.parties).toHaveLength(7);
    expect(overview.phases.map((p) => p.kind)).toHaveLength(7);
    expect(overview.phases.every((p) => p.deliverables.length > 0)).toBe(true);
    expect(overview.phases.find((p) => p.current)?.kind).toBe("problem_definition");
    expect(overview.latestMandate).toMatchObject({ version: 2, decisionReference: "LD-2025-014" });
    // Co-decision on the by-law article, advisory on care and health.
    expect(overview.latestMandate?.domains).toEqual([
      { domain: "public_order", decisionPower: "co_decision" },
      { domain: "care", decisionPower: "advisory" },
      { domain: "health", decisionPower: "advisory" },
    ]);
    expect(overview.characteristics.find((a) => a.characteristic === "authoritative")).toMatchObject({
      state: "met",
      reason: "mandate_authoritative_partly",
      domains: { shared: ["public_order"], advisory: ["care", "health"] },
    });
    expect(overview.latestMandate?.officials.map((o) => o.office)).toEqual(["Burgemeester", "Wethouder"]);
    expect(await chairDeclarations(t.db, tableId)).toEqual([
      expect.objectContaining({
        pseudonym: "Lotte Brink",
        declaration: expect.objectContaining({ appointer: { kind: "member", pseudonym: "Noor Hamdan" } }),
      }),
    ]);
    // Ilse speaks for the municipality, so she cannot become the neutral chair (story S1).
    const ilse = await t.db.membership.findFirstOrThrow({ where: { tableId, account: { signInName: "ilse" } } });
    await expect(appointChair(t.db, noor.id, tableId, { membershipId: ilse.id, holdsPoliticalOffice: false }, now)).rejects.toMatchObject({
      code: "CHAIR_IS_DELEGATE",
    });
    const log = JSON.stringify(await activityOf(t.db, noor.id, tableId));
    for (const person of DEMO_PEOPLE) expect(log).not.toContain(`"${person.signInName}"`);
  });
});
