import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { factDetail, factRegister } from "../facts/queries.ts";
import { questionsOf } from "../facts/questions.ts";
import { seedDemo } from "./seed.ts";

let t: TestDatabase;
let tableId: string;
let observer: string;

beforeAll(async () => {
  t = await testDatabase();
  tableId = (await seedDemo(t.db, new Date("2026-11-24T10:00:00Z"))).tableId;
  observer = (await t.db.account.findUniqueOrThrow({ where: { signInName: "bram" } })).id;
});
afterAll(async () => {
  await t.close();
});

describe("the Lindendam fact register", () => {
  it("holds the starter set's figures with their sources and links, a disputed claim and an agreed wording", async () => {
    const register = await factRegister(t.db, observer, tableId);
    expect(register.rows.length).toBe(79);
    expect(register.rows.every((row) => row.sourceTitle !== "")).toBe(true);
    expect(register.countedParties.map((p) => p.name)).toEqual([
      "Gemeente Lindendam",
      "Stichting Rode Lantaarn Lindendam",
      "GGD Regio Lindendam",
      "Bewonersvereniging Oude Haven",
    ]);
    const byCode = (code: string) => register.rows.find((row) => row.code === code);

    // S6: RLL disputes "80 to 90% forced", GGD takes no position, the table agrees to disagree.
    const claim = await factDetail(t.db, observer, tableId, byCode("COE-02")?.id ?? "");
    expect(claim.fact).toMatchObject({ status: "agreed_to_disagree", denominatorUnknown: true });
    expect(claim.fact.citationWording).toContain("KLPD 2008");
    const stance = (name: string) => claim.columns.find((c) => c.name === name)?.latest;
    expect(stance("Stichting Rode Lantaarn Lindendam")).toMatchObject({
      stance: "disputes",
      reasoning: expect.stringContaining("framing"),
    });
    expect(stance("GGD Regio Lindendam")?.stance).toBe("no_position");
    expect(claim.result.sexWorkerObjection).toBe(true);
    expect(claim.links.map((l) => l.other.code)).toEqual(expect.arrayContaining(["COE-03", "COE-04"]));

    const estimate = await factDetail(t.db, observer, tableId, byCode("COE-03")?.id ?? "");
    expect(estimate.columns.find((c) => c.name === "Bewonersvereniging Oude Haven")?.latest).toMatchObject({
      stance: "accepts_with_caveat",
      reasoning: expect.stringContaining("zelfrapportages tellen te laag"),
    });

    const agreed = await factDetail(t.db, observer, tableId, byCode("NRM-07")?.id ?? "");
    expect(agreed.fact.status).toBe("agreed");
    expect(agreed.fact.citationWording).toMatch(/^Tussen 5\.000 en 7\.500 mogelijke slachtoffers/);
    expect(agreed.result.passed).toBe(true);
  });

  it("has a question answered by the record it produced", async () => {
    const questions = await questionsOf(t.db, observer, tableId);
    expect(questions.map((q) => q.status).sort()).toEqual(["answered", "open"]);
    const answered = questions.find((q) => q.status === "answered");
    expect(answered?.answers[0]?.facts.map((f) => f.code)).toEqual(["LD-01"]);
    expect(answered?.answers[0]?.by).toBe("GGD Regio Lindendam");
  });
});
