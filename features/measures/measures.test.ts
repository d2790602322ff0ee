import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImpactDimension, ImpactEffect } from "../../generated/prisma/enums.ts";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeFactTable, SOURCED_SHARE } from "../../test/fact-table.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { docAccess } from "../docs/access.ts";
import { docName } from "../docs/names.ts";
import { contentUpdate, paragraphs } from "../docs/seed.ts";
import { appendUpdate } from "../docs/store.ts";
import { freezeVersion, storedState } from "../docs/versions.ts";
import { proposeFact } from "../facts/commands.ts";
import type { FactInput } from "../facts/model.ts";
import { activityOf } from "../tables/activity.ts";
import { changeTableStatus } from "../tables/details.ts";
import { addParty } from "../tables/parties.ts";
import { recordAdoption } from "./adoption.ts";
import { changeMeasureStatus, createMeasure } from "./commands.ts";
import { openImpactCheck, respondToCheck } from "./impact.ts";
import { IMPACT_DIMENSIONS, type ImpactResponseInput, type MeasureInput } from "./model.ts";
import { addIndicator, addReviewDate, assessReview, decideReview, openReview, recordValue, setEvaluators } from "./monitoring.ts";

let t: TestDatabase;
let at: Awaited<ReturnType<typeof makeFactTable>>;
/** The municipality department with its official at the table. */
let gemeente: string;
let gemeenteDelegate: string;
let factId: string;
let problemVersionId: string;
/** Another table, whose records a measure here may not rest on. */
let elsewhere: { tableId: string; chair: string; problemVersionId: string; factId: string };

const NOW = new Date("2026-12-01T10:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function writeDoc(name: string, texts: string[]) {
  await appendUpdate(t.db, name, contentUpdate(await storedState(t.db, name), paragraphs(texts)));
}

beforeAll(async () => {
  t = await testDatabase();
  at = await makeFactTable(t.db);
  gemeente = (
    await addParty(t.db, at.facilitator, at.tableId, { type: "municipality_department", name: "Gemeente Lindendam, Openbare Orde" })
  ).id;
  const official = await makeAccount(t.db, { pseudonym: "Joost" });
  await t.db.membership.create({ data: { tableId: at.tableId, accountId: official.id, role: "delegate", partyId: gemeente } });
  gemeenteDelegate = official.id;
  // The operators' only delegate has left: the party is not counted in a check.
  const operators = (await addParty(t.db, at.facilitator, at.tableId, { type: "operators", name: "Exploitanten Lindendam" })).id;
  const gone = await makeAccount(t.db, { pseudonym: "Vertrokken" });
  await t.db.membership.create({ data: { tableId: at.tableId, accountId: gone.id, role: "delegate", partyId: operators, leftAt: NOW } });

  factId = (await proposeFact(t.db, at.facilitator, at.tableId, { ...SOURCED_SHARE, code: "" } as FactInput, NOW))?.id as string;
  await writeDoc(docName({ kind: "problem", tableId: at.tableId }), ["Thuiswerkers kunnen geen vergunning krijgen zonder registratie."]);
  problemVersionId = (await freezeVersion(t.db, at.chair, { kind: "problem", tableId: at.tableId }, NOW)).id;

  const other = await makeTable(t.db, ["chair"], "Tafel Elders");
  const otherChair = other.members[0]?.accountId as string;
  await writeDoc(docName({ kind: "problem", tableId: other.tableId }), ["Een andere probleemstelling."]);
  elsewhere = {
    tableId: other.tableId,
    chair: otherChair,
    problemVersionId: (await freezeVersion(t.db, otherChair, { kind: "problem", tableId: other.tableId }, NOW)).id,
    factId: (await proposeFact(t.db, other.facilitator.accountId, other.tableId, { ...SOURCED_SHARE, code: "" } as FactInput, NOW))
      ?.id as string,
  };
});
afterAll(async () => {
  await t.close();
});

const input = (over: Partial<MeasureInput> = {}): MeasureInput => ({
  title: "Thuiswerk vergunnen zonder registratieplicht",
  kind: "permit_condition",
  purpose: "Sekswerkers die thuis werken krijgen een vergunning zonder zich bij de gemeente te laten registreren.",
  responsibleBody: "college",
  domain: "zoning_permits",
  ...over,
});
const create = (over: Partial<MeasureInput> = {}, by = at.chair) => createMeasure(t.db, by, at.tableId, input(over), NOW);
const measureDoc = (measureId: string) => docName({ kind: "measure", tableId: at.tableId, measureId });
const freeze = (measureId: string, by = at.chair) => freezeVersion(t.db, by, { kind: "measure", tableId: at.tableId, measureId }, NOW);
const statusOf = async (measureId: string) => (await t.db.measure.findUniqueOrThrow({ where: { id: measureId } })).status;
const changesOf = (measureId: string) =>
  t.db.measureStatusChange.findMany({
    where: { measureId },
    orderBy: { createdAt: "asc" },
    select: { fromStatus: true, toStatus: true, reason: true, override: true },
  });
const membershipId = async (accountId: string) =>
  (await t.db.membership.findUniqueOrThrow({ where: { tableId_accountId: { tableId: at.tableId, accountId } } })).id;

/** A measure with one frozen version of its text. */
async function drafted(title?: string) {
  const { id } = await create(title ? { title } : {});
  await writeDoc(measureDoc(id), ["Artikel 3.2: een vergunning voor thuiswerk wordt verleend zonder registratie van de sekswerker."]);
  await freeze(id);
  return id;
}
async function inCheck() {
  const id = await drafted();
  await openImpactCheck(t.db, at.chair, at.tableId, id, later(1));
  return id;
}

const assessments = (effects: Partial<Record<ImpactDimension, { effect: ImpactEffect; reasoning?: string }>> = {}) =>
  IMPACT_DIMENSIONS.map((dimension) => ({
    dimension,
    effect: effects[dimension]?.effect ?? "none",
    forWhom: "",
    reasoning: effects[dimension]?.reasoning ?? "",
    factIds: [],
  }));
const answered: ImpactResponseInput = { declined: false, assessments: assessments({ safety: { effect: "positive" } }) };
const respond = (who: string, measureId: string, response: ImpactResponseInput, now = later(5)) =>
  respondToCheck(t.db, who, at.tableId, measureId, response, now);
const allDelegates = () => [at.delegates.rll, at.delegates.bewoners, at.delegates.ggd, gemeenteDelegate];

async function proposed() {
  const id = await inCheck();
  for (const delegate of allDelegates()) await respond(delegate, id, answered);
  await changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "proposed" }, later(10));
  return id;
}
const adoption = { body: "college", reference: "Collegebesluit 2026/1187", decidedOn: "2026-11-28", effectiveOn: "2027-01-01" };
async function adopted() {
  const id = await proposed();
  await recordAdoption(t.db, gemeenteDelegate, at.tableId, id, adoption, later(20));
  return id;
}

describe("drafting a measure", () => {
  it("creates a measure on this table's problem version and facts, and a bad title stores nothing", async () => {
    const { id } = await create({ problemVersionId, factIds: [factId] });
    const stored = await t.db.measure.findUniqueOrThrow({ where: { id }, include: { facts: true } });
    expect(stored).toMatchObject({
      tableId: at.tableId,
      title: "Thuiswerk vergunnen zonder registratieplicht",
      kind: "permit_condition",
      responsibleBody: "college",
      status: "draft",
      problemVersionId,
      createdBy: await membershipId(at.chair),
    });
    expect(stored.facts.map((f) => f.factId)).toEqual([factId]);

    const before = await t.db.measure.count();
    await expect(create({ title: "ab" })).rejects.toMatchObject({ code: "MEASURE_TITLE_INVALID", details: { field: "title" } });
    await expect(create({ responsibleBody: "wethouder" as never })).rejects.toMatchObject({ code: "MEASURE_BODY_REQUIRED" });
    await expect(create({}, at.observer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await makeAccount(t.db);
    await expect(create({}, stranger.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.measure.count()).toBe(before);
  });

  it("refuses a problem version or facts of another table, and versions of other documents", async () => {
    const before = await t.db.measure.count();
    await expect(create({ problemVersionId: elsewhere.problemVersionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { field: "problemVersionId" },
    });
    await expect(create({ factIds: [factId, elsewhere.factId] })).rejects.toMatchObject({
      code: "IMPACT_EVIDENCE_UNKNOWN",
      details: { field: "factIds" },
    });
    // A frozen measure text of this table is not a problem statement.
    const measureId = await drafted();
    const measureVersion = await t.db.docVersion.findFirstOrThrow({ where: { docName: measureDoc(measureId) } });
    await expect(create({ problemVersionId: measureVersion.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.measure.count()).toBe(before + 1);
  });

  it("writes the text as a live document and freezes numbered versions of it", async () => {
    const { id } = await create();
    await expect(freeze(id)).rejects.toMatchObject({ code: "VERSION_EMPTY" });
    await writeDoc(measureDoc(id), ["Artikel 1: de meldplicht vervalt."]);
    expect(await freeze(id, at.delegates.rll)).toMatchObject({ number: 1 });
    await expect(freeze(id)).rejects.toMatchObject({ code: "VERSION_UNCHANGED" });
    await writeDoc(measureDoc(id), ["Artikel 1: de meldplicht vervalt.", "Artikel 2: bestaande registraties worden gewist."]);
    await expect(freeze(id, at.observer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await freeze(id, at.secretary)).toMatchObject({ number: 2 });
    const versions = await t.db.docVersion.findMany({ where: { docName: measureDoc(id) }, orderBy: { number: "asc" } });
    expect(versions.map((v) => v.text.trim())).toEqual([
      "Artikel 1: de meldplicht vervalt.",
      expect.stringContaining("Artikel 2: bestaande registraties worden gewist."),
    ]);
  });
});

describe("the joint impact check", () => {
  it("opens on the latest version, moves the measure into the check and counts the parties with an active delegate", async () => {
    const { id: bare } = await create();
    await expect(openImpactCheck(t.db, at.chair, at.tableId, bare, NOW)).rejects.toMatchObject({ code: "MEASURE_NO_VERSION" });
    const id = await drafted();
    for (const who of [at.secretary, at.delegates.rll, at.observer]) {
      await expect(openImpactCheck(t.db, who, at.tableId, id, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await openImpactCheck(t.db, at.facilitator, at.tableId, id, later(1));
    expect(await statusOf(id)).toBe("impact_check");
    const check = await t.db.impactCheck.findFirstOrThrow({
      where: { measureId: id },
      include: { parties: { orderBy: { position: "asc" } } },
    });
    expect(check.parties.map((p) => p.partyName)).toEqual([
      "Stichting Rode Lantaarn",
      "Bewonersvereniging Oude Haven",
      "GGD Regio",
      "Gemeente Lindendam, Openbare Orde",
    ]);
    expect(await changesOf(id)).toEqual([{ fromStatus: "draft", toStatus: "impact_check", reason: "", override: false }]);
    await expect(openImpactCheck(t.db, at.chair, at.tableId, id, later(2))).rejects.toMatchObject({ code: "MEASURE_STATUS_SKIPS" });
    // Back to drafting: a new check needs a new version.
    await changeMeasureStatus(
      t.db,
      at.chair,
      at.tableId,
      id,
      { to: "draft", reason: "Eerst de tekst over registratie aanpassen." },
      later(3),
    );
    await expect(openImpactCheck(t.db, at.chair, at.tableId, id, later(4))).rejects.toMatchObject({ code: "VERSION_UNCHANGED" });
    expect(await t.db.impactCheck.count({ where: { measureId: id } })).toBe(1);
  });

  it("lets a delegate answer for their own party only, taking the party from the membership", async () => {
    const id = await inCheck();
    // A party named in the input is ignored: the sex worker organisation's delegate answers for it.
    await respond(at.delegates.rll, id, { ...answered, partyId: gemeente } as never);
    const responses = await t.db.impactResponse.findMany({ where: { check: { measureId: id } }, include: { assessments: true } });
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ partyId: at.parties.rll, declined: false, recordedBy: await membershipId(at.delegates.rll) });
    expect(responses[0]?.assessments.map((a) => [a.dimension, a.effect]).sort()).toEqual(
      [...IMPACT_DIMENSIONS].sort().map((d) => [d, d === "safety" ? "positive" : "none"]),
    );
    for (const who of [at.chair, at.facilitator, at.secretary, at.observer]) {
      await expect(respond(who, id, answered)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const stranger = await makeAccount(t.db);
    await expect(respond(stranger.id, id, answered)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.impactResponse.count({ where: { check: { measureId: id } } })).toBe(1);
  });

  it("refuses an answer that leaves out a dimension or a negative effect without reasoning, and stores nothing", async () => {
    const id = await inCheck();
    const count = () => t.db.impactResponse.count({ where: { check: { measureId: id } } });
    const full = assessments();
    await expect(respond(at.delegates.bewoners, id, { declined: false, assessments: full.slice(1) })).rejects.toMatchObject({
      code: "IMPACT_DIMENSIONS_INCOMPLETE",
    });
    await expect(respond(at.delegates.bewoners, id, { declined: false, assessments: [...full, full[0] as never] })).rejects.toMatchObject({
      code: "IMPACT_DIMENSIONS_INCOMPLETE",
    });
    await expect(
      respond(at.delegates.bewoners, id, { declined: false, assessments: assessments({ income: { effect: "negative" } }) }),
    ).rejects.toMatchObject({ code: "IMPACT_REASONING_REQUIRED" });
    await expect(respond(at.delegates.bewoners, id, { declined: true, declineReason: "" })).rejects.toMatchObject({
      code: "IMPACT_DECLINE_REASON_REQUIRED",
    });
    const withForeignEvidence = assessments().map((a) => (a.dimension === "safety" ? { ...a, factIds: [elsewhere.factId] } : a));
    await expect(respond(at.delegates.bewoners, id, { declined: false, assessments: withForeignEvidence })).rejects.toMatchObject({
      code: "IMPACT_EVIDENCE_UNKNOWN",
    });
    expect(await count()).toBe(0);
    // With its reasoning, an expected negative effect is an answer.
    await respond(at.delegates.bewoners, id, {
      declined: false,
      assessments: assessments({ income: { effect: "negative", reasoning: "Minder klanten als de adressen bekend worden." } }),
    });
    expect(await count()).toBe(1);
  });

  it("does not propose until every counted party answered or declined", async () => {
    const id = await inCheck();
    await respond(at.delegates.rll, id, answered);
    await respond(at.delegates.ggd, id, answered);
    await respond(gemeenteDelegate, id, answered);
    await expect(changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "proposed" }, later(10))).rejects.toMatchObject({
      code: "IMPACT_CHECK_INCOMPLETE",
    });
    expect(await statusOf(id)).toBe("impact_check");
    // An explicit decline with its reason is an answer too.
    await respond(at.delegates.bewoners, id, { declined: true, declineReason: "Dit raakt onze buurt niet." });
    await changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "proposed" }, later(11));
    expect(await statusOf(id)).toBe("proposed");
    expect((await changesOf(id)).at(-1)).toEqual({ fromStatus: "impact_check", toStatus: "proposed", reason: "", override: false });
    // Proposing closes the check: later answers would not be about what was proposed.
    expect((await t.db.impactCheck.findFirstOrThrow({ where: { measureId: id } })).closedAt).toEqual(later(11));
    await expect(respond(at.delegates.rll, id, answered, later(12))).rejects.toMatchObject({ code: "IMPACT_CHECK_CLOSED" });
  });

  it("does not propose a text changed after the check: the check counts only on the latest version", async () => {
    const id = await inCheck();
    for (const delegate of allDelegates()) await respond(delegate, id, answered);
    await writeDoc(measureDoc(id), ["Artikel 3.2, gewijzigd na de toets: ook de werkplek wordt geregistreerd."]);
    await freeze(id);
    await expect(changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "proposed" }, later(10))).rejects.toMatchObject({
      code: "IMPACT_CHECK_INCOMPLETE",
    });
    expect(await statusOf(id)).toBe("impact_check");
  });

  it("lets the chair go ahead without a complete check, with a reason that stays visible; the facilitator may not", async () => {
    const id = await inCheck();
    await respond(at.delegates.rll, id, answered);
    const reason = "De raad beslist volgende week; de GGD levert na.";
    await expect(
      changeMeasureStatus(t.db, at.facilitator, at.tableId, id, { to: "proposed", override: true, reason }, later(10)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "proposed", override: true, reason: "" }, later(10)),
    ).rejects.toMatchObject({ code: "MEASURE_OVERRIDE_REASON_REQUIRED" });
    expect(await statusOf(id)).toBe("impact_check");
    await changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "proposed", override: true, reason }, later(11));
    expect(await statusOf(id)).toBe("proposed");
    expect((await changesOf(id)).at(-1)).toEqual({ fromStatus: "impact_check", toStatus: "proposed", reason, override: true });
  });

  it("never skips a step, and a jump stores nothing", async () => {
    const id = await drafted();
    for (const to of ["adopted", "in_force", "proposed", "impact_check", "under_review", "geldig"]) {
      await expect(changeMeasureStatus(t.db, at.chair, at.tableId, id, { to, reason: "Meteen door." }, later(1))).rejects.toMatchObject({
        code: "MEASURE_STATUS_SKIPS",
      });
    }
    expect(await statusOf(id)).toBe("draft");
    expect(await changesOf(id)).toEqual([]);
    await expect(changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "withdrawn" }, later(2))).rejects.toMatchObject({
      code: "MEASURE_REASON_REQUIRED",
    });
    await changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "withdrawn", reason: "Opgenomen in een andere maatregel." }, later(3));
    expect(await changesOf(id)).toEqual([
      { fromStatus: "draft", toStatus: "withdrawn", reason: "Opgenomen in een andere maatregel.", override: false },
    ]);
    await expect(
      changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "draft", reason: "Toch weer oppakken." }, later(4)),
    ).rejects.toMatchObject({
      code: "MEASURE_STATUS_SKIPS",
    });
  });
});

describe("adoption by the responsible body", () => {
  it("is recorded by the municipality's official on the latest version, not by the sex worker organisation or the chair", async () => {
    const id = await proposed();
    const count = () => t.db.measureAdoption.count({ where: { measureId: id } });
    for (const who of [at.delegates.rll, at.chair, at.secretary, at.observer]) {
      await expect(recordAdoption(t.db, who, at.tableId, id, adoption, later(20))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      recordAdoption(t.db, gemeenteDelegate, at.tableId, id, { ...adoption, decidedOn: "2026-12-02" }, later(20)),
    ).rejects.toMatchObject({
      code: "ADOPTION_IN_FUTURE",
      details: { field: "decidedOn" },
    });
    await expect(recordAdoption(t.db, gemeenteDelegate, at.tableId, id, { ...adoption, reference: "" }, later(20))).rejects.toMatchObject({
      code: "ADOPTION_REFERENCE_REQUIRED",
    });
    await expect(
      recordAdoption(t.db, gemeenteDelegate, at.tableId, id, { ...adoption, effectiveOn: "2026-11-01" }, later(20)),
    ).rejects.toMatchObject({ code: "ADOPTION_EFFECTIVE_BEFORE_DECISION" });
    expect(await count()).toBe(0);
    expect(await statusOf(id)).toBe("proposed");

    await recordAdoption(t.db, gemeenteDelegate, at.tableId, id, adoption, later(20));
    expect(await statusOf(id)).toBe("adopted");
    const version = await t.db.docVersion.findFirstOrThrow({ where: { docName: measureDoc(id) }, orderBy: { number: "desc" } });
    expect(await t.db.measureAdoption.findFirstOrThrow({ where: { measureId: id } })).toMatchObject({
      versionId: version.id,
      body: "college",
      reference: "Collegebesluit 2026/1187",
      decidedOn: new Date("2026-11-28T00:00:00Z"),
      effectiveOn: new Date("2027-01-01T00:00:00Z"),
      recordedBy: await membershipId(gemeenteDelegate),
    });
    await expect(recordAdoption(t.db, gemeenteDelegate, at.tableId, id, adoption, later(21))).rejects.toMatchObject({
      code: "MEASURE_STATUS_SKIPS",
    });
    expect(await count()).toBe(1);
  });

  it("is recorded in rows that cannot be changed or deleted", async () => {
    const id = await adopted();
    await expect(t.db.$executeRaw`UPDATE "MeasureAdoption" SET reference = 'Anders' WHERE "measureId" = ${id}::uuid`).rejects.toThrow(
      /immutable/,
    );
    await expect(t.db.$executeRaw`DELETE FROM "MeasureAdoption" WHERE "measureId" = ${id}::uuid`).rejects.toThrow(/immutable/);
    await expect(t.db.$executeRaw`UPDATE "MeasureStatusChange" SET override = true WHERE "measureId" = ${id}::uuid`).rejects.toThrow(
      /immutable/,
    );
    await expect(t.db.$executeRaw`DELETE FROM "MeasureStatusChange" WHERE "measureId" = ${id}::uuid`).rejects.toThrow(/immutable/);
    await expect(t.db.$executeRaw`UPDATE "ImpactResponse" SET declined = true`).rejects.toThrow(/immutable/);
    expect(await t.db.measureAdoption.findFirstOrThrow({ where: { measureId: id } })).toMatchObject({
      reference: "Collegebesluit 2026/1187",
    });
  });
});

describe("the measure text", () => {
  it("is written while drafted and in the check, and read once proposed", async () => {
    const id = await drafted();
    const name = measureDoc(id);
    const access = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries({
            chair: at.chair,
            secretary: at.secretary,
            sexWorkerDelegate: at.delegates.rll,
            observer: at.observer,
            otherTablesChair: elsewhere.chair,
          }).map(async ([who, accountId]) => [who, await docAccess(t.db, accountId, name)]),
        ),
      );
    const drafting = { chair: "write", secretary: "write", sexWorkerDelegate: "write", observer: "read", otherTablesChair: "none" };
    expect(await access()).toEqual(drafting);
    await openImpactCheck(t.db, at.chair, at.tableId, id, later(1));
    expect(await access()).toEqual(drafting);
    for (const delegate of allDelegates()) await respond(delegate, id, answered);
    await changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "proposed" }, later(10));
    expect(await access()).toEqual({
      chair: "read",
      secretary: "read",
      sexWorkerDelegate: "read",
      observer: "read",
      otherTablesChair: "none",
    });
    // A measure of another table does not exist under this table's name.
    const foreign = await createMeasure(t.db, elsewhere.chair, elsewhere.tableId, input(), NOW);
    expect(await docAccess(t.db, at.chair, docName({ kind: "measure", tableId: at.tableId, measureId: foreign.id }))).toBe("none");
  });
});

describe("monitoring an adopted measure", () => {
  const indicator = {
    name: "Afgegeven vergunningen voor thuiswerk",
    source: "Vergunningenregister gemeente",
    valueType: "count",
    baseline: "3",
    frequency: "quarterly",
  };

  it("plans indicators, evaluators and review dates only after adoption", async () => {
    const id = await proposed();
    await expect(
      addIndicator(t.db, at.secretary, at.tableId, id, { ...indicator, reporterPartyId: gemeente }, later(30)),
    ).rejects.toMatchObject({
      code: "MONITORING_BEFORE_ADOPTION",
    });
    await recordAdoption(t.db, gemeenteDelegate, at.tableId, id, adoption, later(20));

    await expect(
      addIndicator(t.db, gemeenteDelegate, at.tableId, id, { ...indicator, reporterPartyId: gemeente }, later(30)),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      addIndicator(t.db, at.secretary, at.tableId, id, { ...indicator, baseline: "3%", reporterPartyId: gemeente }, later(30)),
    ).rejects.toMatchObject({ code: "INDICATOR_UNIT_MISMATCH", details: { field: "baseline" } });
    await expect(
      addIndicator(t.db, at.secretary, at.tableId, id, { ...indicator, reporterPartyId: elsewhere.tableId }, later(30)),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      details: { field: "reporterPartyId" },
    });
    expect(await t.db.monitoringIndicator.count({ where: { measureId: id } })).toBe(0);
    const added = await addIndicator(t.db, at.secretary, at.tableId, id, { ...indicator, reporterPartyId: gemeente }, later(30));
    expect(await t.db.monitoringIndicator.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({
      valueType: "count",
      baselineValue: 3,
      reporterPartyId: gemeente,
      frequency: "quarterly",
    });

    // The sex worker organisation evaluates even when the plan does not name it.
    await setEvaluators(t.db, at.chair, at.tableId, id, [gemeente, at.parties.ggd], later(31));
    const evaluators = await t.db.measureEvaluator.findMany({ where: { measureId: id }, select: { partyId: true } });
    expect(evaluators.map((e) => e.partyId).sort()).toEqual([gemeente, at.parties.ggd, at.parties.rll].sort());

    for (const scheduledFor of ["2026-11-01", "2026-12-01"]) {
      await expect(addReviewDate(t.db, at.chair, at.tableId, id, { scheduledFor }, later(32))).rejects.toMatchObject({
        code: "REVIEW_DATE_PAST",
      });
    }
    await addReviewDate(t.db, at.chair, at.tableId, id, { scheduledFor: "2027-06-01" }, later(32));
    expect(await t.db.measureReview.count({ where: { measureId: id } })).toBe(1);
  });

  it("records values in the indicator's unit from its reporting party, reviews the measure in force and keeps it", async () => {
    const id = await adopted();
    const { id: indicatorId } = await addIndicator(
      t.db,
      at.secretary,
      at.tableId,
      id,
      { ...indicator, reporterPartyId: gemeente },
      later(30),
    );
    await setEvaluators(t.db, at.chair, at.tableId, id, [gemeente], later(31));
    const { id: reviewId } = await addReviewDate(t.db, at.chair, at.tableId, id, { scheduledFor: "2027-06-01" }, later(32));
    const values = () => t.db.indicatorValue.count({ where: { indicatorId } });
    const value = (who: string, raw: string, extra: { measuredOn?: string; reviewId?: string } = {}) =>
      recordValue(t.db, who, at.tableId, id, { indicatorId, value: raw, measuredOn: "2026-11-30", ...extra }, later(40));

    await expect(value(gemeenteDelegate, "14%")).rejects.toMatchObject({ code: "INDICATOR_UNIT_MISMATCH", details: { field: "value" } });
    await expect(value(at.delegates.rll, "14")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(value(at.observer, "14")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(value(gemeenteDelegate, "14", { measuredOn: "2026-12-02" })).rejects.toMatchObject({ code: "ASSESSMENT_IN_FUTURE" });
    await expect(value(gemeenteDelegate, "14", { measuredOn: "30-11-2026" })).rejects.toMatchObject({
      code: "INVALID_DATE",
      details: { field: "measuredOn" },
    });
    await expect(value(gemeenteDelegate, "14", { reviewId })).rejects.toMatchObject({ code: "REVIEW_NOT_OPEN" });
    expect(await values()).toBe(0);
    await value(gemeenteDelegate, "14");
    expect(await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId } })).toMatchObject({
      value: 14,
      measuredOn: new Date("2026-11-30T00:00:00Z"),
      reviewId: null,
      recordedBy: await membershipId(gemeenteDelegate),
    });

    // A review opens only on a measure in force.
    await expect(openReview(t.db, at.chair, at.tableId, id, reviewId, later(50))).rejects.toMatchObject({ code: "MEASURE_STATUS_SKIPS" });
    await changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "in_force" }, later(50));
    await expect(openReview(t.db, at.secretary, at.tableId, id, reviewId, later(51))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await openReview(t.db, at.chair, at.tableId, id, reviewId, later(51));
    expect(await statusOf(id)).toBe("under_review");
    await expect(openReview(t.db, at.chair, at.tableId, id, reviewId, later(52))).rejects.toMatchObject({ code: "REVIEW_ALREADY_OPEN" });

    const verdict = {
      verdict: "partly",
      safety: "positive",
      health: "none",
      autonomy: "positive",
      reasoning: "Meer vergunningen, maar de wachttijd is lang.",
    };
    const assess = (who: string) => assessReview(t.db, who, at.tableId, id, reviewId, verdict, later(53));
    await expect(assess(at.delegates.bewoners)).rejects.toMatchObject({ code: "REVIEW_PARTY_NOT_EVALUATING" });
    await expect(assess(at.chair)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      assessReview(t.db, at.delegates.rll, at.tableId, id, reviewId, { ...verdict, verdict: "" }, later(53)),
    ).rejects.toMatchObject({
      code: "REVIEW_VERDICT_REQUIRED",
    });
    await assess(at.delegates.rll);
    expect(await t.db.reviewAssessment.findMany({ where: { reviewId }, select: { partyId: true, verdict: true } })).toEqual([
      { partyId: at.parties.rll, verdict: "partly" },
    ]);
    await value(at.secretary, "21", { reviewId });
    expect(await t.db.indicatorValue.count({ where: { indicatorId, reviewId } })).toBe(1);

    const decision = { outcome: "keep", note: "Werkt; wachttijd volgt in het volgende kwartaal." };
    await expect(decideReview(t.db, at.secretary, at.tableId, id, reviewId, decision, later(60))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await decideReview(t.db, at.chair, at.tableId, id, reviewId, decision, later(60));
    expect(await statusOf(id)).toBe("in_force");
    expect(await t.db.measureReview.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({
      outcome: "keep",
      outcomeNote: decision.note,
      decidedAt: later(60),
    });
    await expect(assess(gemeenteDelegate)).rejects.toMatchObject({ code: "REVIEW_NOT_OPEN" });
    expect((await changesOf(id)).map((c) => `${c.fromStatus}→${c.toStatus}`)).toEqual([
      "draft→impact_check",
      "impact_check→proposed",
      "proposed→adopted",
      "adopted→in_force",
      "in_force→under_review",
      "under_review→in_force",
    ]);
    // The assessment and the official's value are the parties'; the secretary, who runs the table, is named.
    const log = await activityOf(t.db, at.observer, at.tableId, { take: 50 });
    expect(log.find((e) => e.action === "measure.review_assessed")).toMatchObject({
      actor: null,
      spokenAs: { kind: "party", name: "Stichting Rode Lantaarn" },
    });
    const reported = log.filter((e) => e.action === "measure.value_recorded").slice(0, 2);
    expect(reported.map((e) => [e.actor === null, e.spokenAs])).toEqual([
      [false, null],
      [true, { kind: "party", name: "Gemeente Lindendam, Openbare Orde" }],
    ]);
    expect(JSON.stringify(log)).not.toContain("Saffier");
  });
});

describe("the activity log", () => {
  it("shows a check answer as the party's, never the delegate's pseudonym", async () => {
    const id = await inCheck();
    await respond(at.delegates.rll, id, answered, later(5));
    await respond(gemeenteDelegate, id, { declined: true, declineReason: "Wij wachten het advies van de jurist af." }, later(6));
    const log = await activityOf(t.db, at.observer, at.tableId, { take: 5000 });
    const answers = log.filter((e) => e.action === "measure.check_answered").slice(0, 2);
    expect(answers.map((e) => [e.actor, e.formerMember, e.spokenAs])).toEqual([
      [null, false, { kind: "party", name: "Gemeente Lindendam, Openbare Orde" }],
      [null, false, { kind: "party", name: "Stichting Rode Lantaarn" }],
    ]);
    // The sex worker organisation's delegate only ever spoke for the party, in every test of this file.
    expect(JSON.stringify(log)).not.toContain("Saffier");
    // Running the table names the member who did it.
    const opened = log.find((e) => e.action === "measure.check_opened");
    expect(opened?.actor).toEqual(expect.any(String));
    expect(opened?.spokenAs).toBeNull();
  });
});

describe("the parties' voice", () => {
  it("logs the adoption an official records as their party's, and lets the sex worker party evaluate without being named", async () => {
    const id = await adopted();
    const log = await activityOf(t.db, at.observer, at.tableId, { take: 5000 });
    const adoptedEvent = log.find((e) => e.action === "measure.adopted");
    expect(adoptedEvent).toMatchObject({ actor: null, spokenAs: { kind: "party", name: "Gemeente Lindendam, Openbare Orde" } });
    expect(JSON.stringify(log)).not.toContain("Joost");
    // No evaluators were ever chosen: the sex worker organisation evaluates all the same.
    await changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "in_force" }, later(30));
    const review = await addReviewDate(t.db, at.chair, at.tableId, id, { scheduledFor: "2027-12-01" }, later(31));
    await openReview(t.db, at.chair, at.tableId, id, review.id, later(32));
    await assessReview(
      t.db,
      at.delegates.rll,
      at.tableId,
      id,
      review.id,
      { verdict: "partly", safety: "positive", health: "unknown", autonomy: "positive", reasoning: "Deels." },
      later(33),
    );
    await expect(openReview(t.db, at.chair, at.tableId, id, review.id, later(34))).rejects.toMatchObject({ code: "REVIEW_ALREADY_OPEN" });
    await expect(
      assessReview(
        t.db,
        at.delegates.bewoners,
        at.tableId,
        id,
        review.id,
        { verdict: "works", safety: "none", health: "none", autonomy: "none" },
        later(35),
      ),
    ).rejects.toMatchObject({ code: "REVIEW_PARTY_NOT_EVALUATING" });
  });
});

describe("a closed table", () => {
  it("keeps its measures readable and takes no answers, adoptions or reviews", async () => {
    const checking = await inCheck();
    const proposing = await proposed();
    // One measure in force with a review still to open, one under review.
    const inForce = async () => {
      const id = await adopted();
      await setEvaluators(t.db, at.chair, at.tableId, id, [], later(31));
      const review = await addReviewDate(t.db, at.chair, at.tableId, id, { scheduledFor: "2027-06-01" }, later(32));
      await changeMeasureStatus(t.db, at.chair, at.tableId, id, { to: "in_force" }, later(50));
      return { id, reviewId: review.id };
    };
    const scheduled = await inForce();
    const reviewing = await inForce();
    await openReview(t.db, at.chair, at.tableId, reviewing.id, reviewing.reviewId, later(51));
    await changeTableStatus(t.db, at.facilitator, at.tableId, "closed", later(70));
    try {
      await expect(openReview(t.db, at.chair, at.tableId, scheduled.id, scheduled.reviewId, later(71))).rejects.toMatchObject({
        code: "TABLE_CLOSED",
      });
      const verdict = { verdict: "works", safety: "positive", health: "none", autonomy: "positive" };
      await expect(
        assessReview(t.db, at.delegates.rll, at.tableId, reviewing.id, reviewing.reviewId, verdict, later(71)),
      ).rejects.toMatchObject({
        code: "TABLE_CLOSED",
      });
      await expect(
        decideReview(t.db, at.chair, at.tableId, reviewing.id, reviewing.reviewId, { outcome: "keep", note: "Werkt." }, later(71)),
      ).rejects.toMatchObject({ code: "TABLE_CLOSED" });
      expect(await statusOf(scheduled.id)).toBe("in_force");
      expect(await statusOf(reviewing.id)).toBe("under_review");
      expect(await t.db.reviewAssessment.count({ where: { reviewId: reviewing.reviewId } })).toBe(0);
      await expect(respond(at.delegates.rll, checking, answered, later(71))).rejects.toMatchObject({ code: "TABLE_CLOSED" });
      await expect(recordAdoption(t.db, gemeenteDelegate, at.tableId, proposing, adoption, later(71))).rejects.toMatchObject({
        code: "TABLE_CLOSED",
      });
      await expect(
        changeMeasureStatus(t.db, at.chair, at.tableId, proposing, { to: "draft", reason: "Nog eens kijken." }, later(71)),
      ).rejects.toMatchObject({
        code: "TABLE_CLOSED",
      });
      await expect(create()).rejects.toMatchObject({ code: "TABLE_CLOSED" });
      expect(await docAccess(t.db, at.chair, measureDoc(checking))).toBe("read");
      expect(await t.db.impactResponse.count({ where: { check: { measureId: checking } } })).toBe(0);
      expect(await statusOf(proposing)).toBe("proposed");
    } finally {
      await changeTableStatus(t.db, at.facilitator, at.tableId, "active", later(72));
    }
  });
});
