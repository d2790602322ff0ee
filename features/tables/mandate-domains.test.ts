// A mandate gives each policy domain it covers its own decision power: "co-decision on the by-law
// article, advisory on care" must be recordable, and every view must say which power holds where.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount, makeTable } from "../../test/factories.ts";
import { assessCharacteristics } from "./characteristics.ts";
import { governanceMap } from "./governance-map.ts";
import {
  DECISION_POWERS,
  type DomainPower,
  hasSharedDecisionPower,
  type MandateInput,
  mandateHistory,
  mandateStanding,
  recordMandate,
} from "./mandates.ts";
import { publicSummary } from "./summary.ts";

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
  decisionReference: "LD-2026-007",
  decisionDate: "2026-03-03",
  scope: "Een herzien APV-artikel over thuiswerk",
  domains: [
    { domain: "public_order", decisionPower: "co_decision" },
    { domain: "care", decisionPower: "advisory" },
  ],
  termStart: "2026-03-03",
  termEnd: "2027-03-03",
  officials: [
    { office: "Burgemeester", portfolio: "Openbare orde", domains: ["public_order"] },
    { office: "Wethouder", portfolio: "Zorg", domains: ["care"] },
  ],
};

describe("when a table has shared decision power", () => {
  it("is when at least one domain has a binding recommendation, co-decision or delegated decision", () => {
    const one = (decisionPower: (typeof DECISION_POWERS)[number]): DomainPower[] => [{ domain: "care", decisionPower }];
    expect(Object.fromEntries(DECISION_POWERS.map((power) => [power, hasSharedDecisionPower(one(power))]))).toEqual({
      advisory: false,
      binding_recommendation: true,
      co_decision: true,
      delegated_decision: true,
    });
    expect(hasSharedDecisionPower([])).toBe(false);
    expect(
      hasSharedDecisionPower([
        { domain: "care", decisionPower: "advisory" },
        { domain: "health", decisionPower: "advisory" },
      ]),
    ).toBe(false);
    expect(
      hasSharedDecisionPower([
        { domain: "care", decisionPower: "advisory" },
        { domain: "public_order", decisionPower: "co_decision" },
      ]),
    ).toBe(true);
  });
});

describe("a mandate with a decision power per domain", () => {
  it("records co-decision on the by-law article and advisory on care, and says so in its standing and the characteristics", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    await recordMandate(t.db, facilitator.accountId, tableId, mandate, now);
    const [latest] = await mandateHistory(t.db, tableId);
    expect(latest?.domains).toEqual([
      { domain: "public_order", decisionPower: "co_decision" },
      { domain: "care", decisionPower: "advisory" },
    ]);
    expect(mandateStanding(latest, now)).toEqual({
      state: "authoritative",
      until: new Date("2027-03-03T00:00:00Z"),
      sharedDomains: ["public_order"],
      advisoryDomains: ["care"],
    });
    const authoritative = assessCharacteristics({ parties: [], commitments: [], chair: null, latestMandate: latest, now }).find(
      (a) => a.characteristic === "authoritative",
    );
    expect(authoritative).toMatchObject({
      state: "met",
      reason: "mandate_authoritative_partly",
      domains: { shared: ["public_order"], advisory: ["care"] },
    });
  });

  it("advisory in every domain is not authoritative", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    await recordMandate(
      t.db,
      facilitator.accountId,
      tableId,
      {
        ...mandate,
        domains: [
          { domain: "public_order", decisionPower: "advisory" },
          { domain: "care", decisionPower: "advisory" },
        ],
      },
      now,
    );
    const [latest] = await mandateHistory(t.db, tableId);
    expect(mandateStanding(latest, now).state).toBe("advisory");
    expect(
      assessCharacteristics({ parties: [], commitments: [], chair: null, latestMandate: latest, now }).find(
        (a) => a.characteristic === "authoritative",
      ),
    ).toMatchObject({ state: "not_met", reason: "mandate_advisory" });
  });

  it("an amendment adds a version with its own powers and leaves the earlier version as it was", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    await recordMandate(t.db, facilitator.accountId, tableId, mandate, now);
    await recordMandate(
      t.db,
      facilitator.accountId,
      tableId,
      {
        ...mandate,
        domains: [
          { domain: "public_order", decisionPower: "co_decision" },
          { domain: "care", decisionPower: "binding_recommendation" },
        ],
        amendmentNote: "Zorg wordt bindend advies",
      },
      now,
    );
    const history = await mandateHistory(t.db, tableId);
    expect(history.map((v) => [v.version, v.domains.find((d) => d.domain === "care")?.decisionPower])).toEqual([
      [2, "binding_recommendation"],
      [1, "advisory"],
    ]);
  });

  it("needs at least one responsible official for every covered domain, and a domain only once; refused input records nothing", async () => {
    const { tableId, facilitator } = await makeTable(t.db);
    await expect(
      recordMandate(
        t.db,
        facilitator.accountId,
        tableId,
        { ...mandate, officials: [{ office: "Burgemeester", portfolio: "Openbare orde", domains: ["public_order"] }] },
        now,
      ),
    ).rejects.toMatchObject({ code: "MANDATE_DOMAIN_WITHOUT_OFFICIAL", details: { field: "officials", domain: "care" } });
    await expect(
      recordMandate(
        t.db,
        facilitator.accountId,
        tableId,
        {
          ...mandate,
          domains: [
            { domain: "care", decisionPower: "advisory" },
            { domain: "care", decisionPower: "co_decision" },
          ],
        },
        now,
      ),
    ).rejects.toMatchObject({ code: "MANDATE_DOMAIN_TWICE" });
    await expect(recordMandate(t.db, facilitator.accountId, tableId, { ...mandate, domains: [] }, now)).rejects.toMatchObject({
      code: "MANDATE_DOMAINS_REQUIRED",
    });
    expect(await t.db.mandateVersion.count({ where: { tableId } })).toBe(0);
    expect(await t.db.mandateDomain.count({ where: { version: { tableId } } })).toBe(0);
  });

  it("shows the power per domain on the governance map and the public summary", async () => {
    const { tableId, facilitator } = await makeTable(t.db, [], "Tafel per domein");
    const municipality = `Lindendam-${tableId.slice(0, 8)}`;
    await t.db.table.update({ where: { id: tableId }, data: { municipality, publicSummary: true } });
    await recordMandate(t.db, facilitator.accountId, tableId, mandate, now);
    const stranger = await makeAccount(t.db);
    for (const viewer of [null, stranger.id]) {
      const map = await governanceMap(t.db, viewer, municipality, now);
      expect(map.tables[0]?.mandate?.domains).toEqual(mandate.domains);
      const row = (domain: string) => map.coverage.find((r) => r.domain === domain);
      expect(row("care")).toMatchObject({
        state: "covered",
        tables: [{ title: "Tafel per domein", decisionPower: "advisory", shared: false }],
      });
      expect(row("public_order")).toMatchObject({ tables: [{ decisionPower: "co_decision", shared: true }] });
      expect(row("health")).toMatchObject({ state: "uncovered", tables: [] });
      const summary = await publicSummary(t.db, viewer, tableId, now);
      expect(summary?.mandate?.domains).toEqual(mandate.domains);
      expect(summary?.standing).toMatchObject({ state: "authoritative", sharedDomains: ["public_order"], advisoryDomains: ["care"] });
    }
  });
});
