import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { pdfText } from "../../test/pdf-text.ts";
import { approvedMinutes, minutesPage } from "../meetings/minutes.ts";
import { minutesPdf } from "../meetings/minutes-pdf.ts";
import { meetingsOf } from "../meetings/queries.ts";
import { seedDemo } from "./seed.ts";

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

describe("the Lindendam minutes", () => {
  it("of the past evening meeting are approved by every counted party, as version 1", async () => {
    const bram = await account("bram");
    const [past] = (await meetingsOf(t.db, bram, tableId, now)).past;
    const page = await minutesPage(t.db, bram, tableId, past?.id as string, {}, now);
    expect(page.stage).toBe("approved");
    expect(page.approved?.number).toBe(1);
    const [round] = page.rounds;
    expect(round?.result?.passed).toBe(true);
    expect(round?.parties.map((p) => p.answer)).toEqual(round?.parties.map(() => "support"));
    expect(round?.parties.length).toBeGreaterThanOrEqual(2);

    const approved = await approvedMinutes(t.db, bram, tableId, past?.id as string, now);
    expect(approved.version.text).toContain("Avondoverleg: het verbod op thuiswerk");
    expect(approved.version.text).toContain("Wat het verbod op thuiswerk doet met de veiligheid");
    expect(approved.version.text).toContain("De voorzitter dankt iedereen");

    const pdf = await minutesPdf(approved.version.text, {
      locale: "nl",
      title: "Verslag",
      tableTitle: approved.table.title,
      meetingLine: approved.meeting.title,
      approvedLine: "Goedgekeurd als versie 1",
      partiesHeading: "Goedkeuring per partij",
      partyLines: approved.round.parties.map((p) => `${p.name}: Keurt goed`),
      fingerprint: approved.version.sha256,
    });
    const text = await pdfText(pdf);
    expect(text).toContain("Avondoverleg: het verbod op thuiswerk");
    expect(text).toContain("Stichting Rode Lantaarn Lindendam: Keurt goed");
  });
});
