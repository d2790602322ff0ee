import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { pdfText } from "../../test/pdf-text.ts";
import { measurePdf } from "../measures/pdf.ts";
import { listMeasures, measurePage } from "../measures/queries.ts";
import { publicSummary } from "../tables/summary.ts";
import { seedDemo } from "./seed.ts";
import { DEMO_MEASURE_TITLE } from "./seed-measures.ts";

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

describe("the Lindendam measure", () => {
  it("shows which effects each party expected before adoption, what was done about the negative ones, and what the review found", async () => {
    const bram = await account("bram");
    const { measures } = await listMeasures(t.db, bram, tableId);
    const listed = measures.find((m) => m.title === DEMO_MEASURE_TITLE);
    expect(listed).toMatchObject({ status: "in_force", unmitigated: ["stigma"], lastReview: { outcome: "keep" } });

    const page = await measurePage(t.db, bram, tableId, listed?.id as string, {}, now);
    const [check] = page.checks;
    expect(check?.completeness).toMatchObject({ complete: true, answered: 4, declined: 0 });
    // The sex worker organisation's assessment comes first on every dimension.
    expect(check?.summary.parties[0]?.name).toBe("Stichting Rode Lantaarn Lindendam");
    const privacy = check?.summary.dimensions.find((d) => d.dimension === "privacy");
    expect(privacy?.entries[0]).toMatchObject({ name: "Stichting Rode Lantaarn Lindendam", effect: "negative", sexWorkerParty: true });
    expect(privacy?.disagreement).toBe(true);
    expect(privacy?.mitigations.map((m) => m.kind)).toEqual(["accompanying_action"]);
    expect(check?.summary.remaining.map((r) => r.dimension)).toEqual(["stigma"]);
    expect(page.adoption).toMatchObject({ body: "mayor", reference: "Besluit burgemeester 2025/041", version: 1 });
    expect(page.rounds[0]?.result?.passed).toBe(true);

    const decided = page.reviews.find((r) => r.decidedAt);
    expect(decided?.outcome).toBe("keep");
    expect(decided?.assessments[0]).toMatchObject({ name: "Stichting Rode Lantaarn Lindendam", assessment: { verdict: "partly" } });
    expect(decided?.values.map((v) => v.value)).toEqual(expect.arrayContaining([8, 45]));
    expect(page.indicators.find((i) => i.valueType === "count")?.values.map((v) => v.value)).toEqual([3, 5, 6, 8]);
    // A year between adoption and the review's decision, and a next review planned.
    const adopted = page.timeline.find((e) => e.kind === "adopted");
    const kept = page.timeline.find((e) => e.kind === "review_decided");
    expect((kept?.at.getTime() ?? 0) - (adopted?.at.getTime() ?? 0)).toBeGreaterThan(360 * 86_400_000);
    expect(page.reviews.filter((r) => !r.openedAt)).toHaveLength(1);
  });

  it("is in the public summary with its status, last review and the negative effect that remains, naming no person", async () => {
    const summary = await publicSummary(t.db, null, tableId, now);
    const measure = summary?.measures.find((m) => m.title === DEMO_MEASURE_TITLE);
    expect(measure).toMatchObject({ status: "in_force", unmitigated: ["stigma"] });
    const text = JSON.stringify(summary);
    for (const pseudonym of ["Saffier", "Ilse Verhoef", "Femke Dijkstra", "Lotte Brink"]) expect(text).not.toContain(pseudonym);
  });

  it("exports as a PDF whose text a council can read", async () => {
    const pdf = await measurePdf({
      locale: "nl",
      title: DEMO_MEASURE_TITLE,
      tableTitle: "Tafel",
      statusLine: "Protocol · status: Geldt",
      sections: [{ heading: "Gezamenlijke effectentoets", lines: [{ text: "Stigma: Stichting Rode Lantaarn Lindendam" }] }],
    });
    const text = await pdfText(pdf);
    expect(text).toContain(DEMO_MEASURE_TITLE);
    expect(text).toContain("Stigma: Stichting Rode Lantaarn Lindendam");
  });
});
