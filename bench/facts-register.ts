// How the fact register holds up with 100 records: the register query (all, searched, filtered by
// a party's position), one record's page, and both exports, on a throwaway embedded database.
// Figures are medians, printed as ratios against the empty register measured in the same run,
// so they compare across machines. Run: npm run bench:facts
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { proposeFact } from "../features/facts/commands.ts";
import { type ExportLabels, factSheetPdf, registerCsv } from "../features/facts/export.ts";
import { STANCES } from "../features/facts/model.ts";
import { factDetail, factRegister } from "../features/facts/queries.ts";
import { importStarterSet } from "../features/facts/starter-set.ts";
import { createAccount } from "../features/identity/accounts.ts";
import { createTable } from "../features/tables/commands.ts";
import { addParty } from "../features/tables/parties.ts";
import { createDb } from "../prisma/db.ts";
import { migrate } from "../prisma/migrate.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PASSPHRASE = "bank bij de haven zeven";

/**
 * Medians of every scenario, measured in turns (one run of each, then the next round), so a
 * busy machine slows all of them alike and the ratios stay comparable.
 */
async function medians(scenarios: [string, () => Promise<unknown>][]): Promise<[string, number][]> {
  for (const [, work] of scenarios) await work(); // warm up
  const times = scenarios.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run += 1) {
    for (const [index, [, work]] of scenarios.entries()) {
      const start = performance.now();
      await work();
      times[index]?.push(performance.now() - start);
    }
  }
  return scenarios.map(([name], index) => {
    const sorted = [...(times[index] ?? [])].sort((a, b) => a - b);
    return [name, sorted[Math.floor(sorted.length / 2)] ?? 0];
  });
}

const label = (value: string) => value;
const labels: ExportLabels = {
  locale: "nl",
  sheetTitle: "Feitenblad",
  tableTitle: "Bench",
  generatedOn: "",
  citeNote: "",
  status: label,
  stance: label,
  evidence: label,
  qualifier: label,
  base: {
    denominator: "Noemer",
    denominatorUnknown: "?",
    denominatorMissing: "-",
    numerator: "Teller",
    sampleSize: "N",
    unknownShare: "?",
  },
  columns: Object.fromEntries(
    [
      "code",
      "title",
      "topic",
      "status",
      "figure",
      "low",
      "high",
      "qualifier",
      "asInSource",
      "unit",
      "numerator",
      "numeratorCount",
      "denominator",
      "denominatorCount",
      "denominatorUnknown",
      "sampleSize",
      "unknownShare",
      "countedObject",
      "period",
      "publication",
      "geography",
      "sector",
      "evidence",
      "source",
      "originalSource",
      "citationChain",
      "caveats",
      "wording",
      "decision",
    ].map((key) => [key, key]),
  ) as ExportLabels["columns"],
  yes: "ja",
  decision: (supporting, counted) => `${supporting}/${counted}`,
  sections: { agreed: "Vastgesteld", agreedToDisagree: "Oneens", underDiscussion: "In bespreking", none: "Geen" },
  positions: "Standpunten",
  noPosition: "-",
  staleNote: "eerder",
};

async function main() {
  const pglite = await PGlite.create();
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
  await migrate(url);
  const db = createDb(url, { max: 1 });
  try {
    const account = async (name: string) =>
      (await createAccount(db, { signInName: name, pseudonym: name, passphrase: PASSPHRASE, passphraseRepeat: PASSPHRASE })).id;
    const facilitator = await account("bench-facilitator");
    const table = await createTable(db, facilitator, { title: "Bench" });
    const parties: string[] = [];
    for (const [index, type] of (["sex_worker_organisation", "municipality_department", "residents", "public_health"] as const).entries()) {
      const party = await addParty(db, facilitator, table.id, { type, name: `Partij ${index + 1}` });
      const delegate = await account(`bench-delegate-${index}`);
      await db.membership.create({ data: { tableId: table.id, accountId: delegate, role: "delegate", partyId: party.id } });
      parties.push(party.id);
    }

    // The reference: the same register query on a table with the same parties and no records.
    const emptyTable = await createTable(db, facilitator, { title: "Bench, leeg" });
    for (const [index, type] of (["sex_worker_organisation", "municipality_department", "residents", "public_health"] as const).entries()) {
      const party = await addParty(db, facilitator, emptyTable.id, { type, name: `Partij ${index + 1}` });
      await db.membership.create({
        data: { tableId: emptyTable.id, accountId: await account(`bench-empty-${index}`), role: "delegate", partyId: party.id },
      });
    }

    await importStarterSet(db, facilitator, table.id);
    for (let index = 1; (await db.fact.count({ where: { tableId: table.id } })) < 100; index += 1) {
      await proposeFact(db, facilitator, table.id, {
        code: `B-${index}`,
        title: `Meting ${index}`,
        valueKind: "share",
        valuePoint: index % 100,
        percentage: true,
        denominatorDescription: "Alle meldingen",
        evidenceKind: "registration",
        sourceTitle: "Bench",
      });
    }
    // Four positions per record, as a table in full discussion would have (written directly: this
    // measures reading the register, not recording positions).
    const facts = await db.fact.findMany({ where: { tableId: table.id }, select: { id: true, revision: true } });
    await db.factPosition.createMany({
      data: facts.flatMap((fact, index) =>
        parties.map((partyId, p) => ({
          tableId: table.id,
          factId: fact.id,
          partyId,
          stance: STANCES[(index + p) % STANCES.length] ?? "accepts",
          reasoning: "Onderbouwing van de partij bij dit cijfer.",
          revision: fact.revision,
          recordedBy: facilitator,
        })),
      ),
    });

    const first = facts[0]?.id ?? "";
    const register = await factRegister(db, facilitator, table.id);
    const countedParties = register.countedParties;
    const rows = await medians([
      ["register, empty (reference)", () => factRegister(db, facilitator, emptyTable.id)],
      [`register, ${facts.length} records × ${parties.length} positions`, () => factRegister(db, facilitator, table.id)],
      ["register, text search", () => factRegister(db, facilitator, table.id, { q: "slachtoffers" })],
      [
        "register, filtered by a party's position",
        () => factRegister(db, facilitator, table.id, { party: parties[0], stance: "disputes" }),
      ],
      ["one record's page", () => factDetail(db, facilitator, table.id, first)],
      ["CSV of the register (from the query's rows)", async () => registerCsv(register.rows, countedParties, labels)],
      ["fact sheet PDF (from the query's rows)", () => factSheetPdf(register.rows, countedParties, labels)],
    ]);
    const empty = rows[0]?.[1] ?? 1;
    console.log(`fact register bench: median of ${RUNS} runs, as a ratio of the empty register (${empty.toFixed(1)} ms here)`);
    for (const [name, ms] of rows) console.log(`  ${name.padEnd(50)} ${(ms / empty).toFixed(2).padStart(7)} ×   (${ms.toFixed(1)} ms)`);
  } finally {
    await db.$disconnect();
    await server.stop();
    await pglite.close();
  }
}

await main();
