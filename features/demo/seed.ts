// Demo data: the fictional Gemeente Lindendam and its "Tafel APV thuiswerk". Loaded only into an
// empty embedded database or when asked explicitly, so demo logins never appear by accident.
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { Db } from "../../prisma/db.ts";
import { docName } from "../docs/names.ts";
import { NOTES_FIELD, notesExtensions } from "../docs/schema.ts";
import { appendUpdate } from "../docs/store.ts";
import { createAccount } from "../identity/accounts.ts";
import { recordPerception, setIntendedForm } from "../participation/commands.ts";
import { answerCondition } from "../participation/conditions.ts";
import { appointChair } from "../tables/chair.ts";
import { createTable } from "../tables/commands.ts";
import { recordCommitment } from "../tables/commitments.ts";
import { changeTableStatus, updateTableDetails } from "../tables/details.ts";
import { recordMandate } from "../tables/mandates.ts";
import type { Role } from "../tables/model.ts";
import { addParty, type PartyInput } from "../tables/parties.ts";
import { setCurrentPhase, updatePhase } from "../tables/phases.ts";
import { newDemoPassphrase } from "./passphrase.ts";
import { seedCompensation } from "./seed-compensation.ts";
import { seedFacts } from "./seed-facts.ts";
import { seedMeasures } from "./seed-measures.ts";
import { seedMeetings } from "./seed-meetings.ts";
import { seedMinutes } from "./seed-minutes.ts";
import { seedProblem } from "./seed-problem.ts";

export const DEMO_PEOPLE: { signInName: string; pseudonym: string; role: Role; party?: string; note: string }[] = [
  { signInName: "noor", pseudonym: "Noor Hamdan", role: "facilitator", note: "facilitator" },
  { signInName: "lotte", pseudonym: "Lotte Brink", role: "chair", note: "independent chair" },
  { signInName: "saffier", pseudonym: "Saffier", role: "delegate", party: "rll", note: "delegate, Stichting Rode Lantaarn Lindendam" },
  { signInName: "ilse", pseudonym: "Ilse Verhoef", role: "delegate", party: "gemeente", note: "delegate, Gemeente Lindendam" },
  { signInName: "sanne", pseudonym: "Sanne de Vries", role: "treasurer", note: "treasurer" },
  { signInName: "bram", pseudonym: "Bram Koster", role: "observer", party: "politie", note: "observer, Politie Lindendam-Centrum" },
  { signInName: "henk", pseudonym: "Henk Mulder", role: "delegate", party: "bewoners", note: "delegate, Bewonersvereniging Oude Haven" },
  { signInName: "femke", pseudonym: "Femke Dijkstra", role: "delegate", party: "ggd", note: "delegate, GGD Regio Lindendam" },
];

const DEMO_PARTIES: (PartyInput & { key: string })[] = [
  {
    key: "gemeente",
    type: "municipality_department",
    name: "Gemeente Lindendam",
    represents: "Het college van B&W",
    hasDecisionPower: true,
  },
  {
    key: "rll",
    type: "sex_worker_organisation",
    name: "Stichting Rode Lantaarn Lindendam",
    represents: "Sekswerkers in Lindendam, ook thuiswerkers",
    representation: "delegates",
  },
  { key: "exploitanten", type: "operators", name: "Vereniging Lindendamse Exploitanten", represents: "Vergunde seksbedrijven" },
  { key: "ggd", type: "public_health", name: "GGD Regio Lindendam", represents: "Anonieme soa- en hiv-zorg" },
  { key: "politie", type: "police", name: "Politie Lindendam-Centrum", represents: "Wijkteam centrum" },
  { key: "bewoners", type: "residents", name: "Bewonersvereniging Oude Haven", represents: "Bewoners van de Oude Haven" },
  { key: "zorg", type: "care_support", name: "Hulpverlening Lindendam", represents: "Zorg- en hulpverleners" },
];

export const DEMO_TABLE_TITLE = "Tafel APV thuiswerk";

export async function hasDemoData(db: Db): Promise<boolean> {
  return (await db.account.count({ where: { signInName: { in: DEMO_PEOPLE.map((p) => p.signInName) } } })) > 0;
}

/** Loads the demo. The passphrase of its accounts is the start script's (a fresh one when not given). */
export async function seedDemo(db: Db, now: Date = new Date(), passphrase = newDemoPassphrase()): Promise<{ tableId: string }> {
  const accounts = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const account = await createAccount(db, {
      signInName: person.signInName,
      pseudonym: person.pseudonym,
      passphrase,
      passphraseRepeat: passphrase,
    });
    accounts.set(person.signInName, account.id);
  }
  const accountOf = (signInName: string) => {
    const id = accounts.get(signInName);
    if (!id) throw new Error(`demo account ${signInName} missing`);
    return id;
  };
  const noor = accountOf("noor");
  const table = await createTable(db, noor, { title: DEMO_TABLE_TITLE }, now);
  await updateTableDetails(
    db,
    noor,
    table.id,
    {
      title: DEMO_TABLE_TITLE,
      policyQuestion:
        "Hoe herzien we het APV-artikel dat bedrijfsmatig thuiswerk door sekswerkers verbiedt, zonder hun veiligheid, gezondheid en autonomie te schaden?",
      municipality: "Lindendam",
      region: "",
      languages: ["nl", "en", "ro", "es"],
      decisionRule: "all_or_most",
      publicSummary: true,
    },
    now,
  );
  await changeTableStatus(db, noor, table.id, "active", now);
  await seedPhases(db, noor, table.id, now);
  const parties = new Map<string, string>();
  for (const party of DEMO_PARTIES) parties.set(party.key, (await addParty(db, noor, table.id, party, now)).id);
  for (const person of DEMO_PEOPLE.slice(1)) {
    await db.membership.create({
      data: {
        tableId: table.id,
        accountId: accountOf(person.signInName),
        role: person.role === "chair" ? "observer" : person.role,
        partyId: person.party ? parties.get(person.party) : null,
        // Saffier is the sex worker organisation's contact: the one who vouches for its people.
        partyContact: person.signInName === "saffier",
        createdAt: now,
      },
    });
  }
  const lotte = await db.membership.findFirstOrThrow({ where: { tableId: table.id, accountId: accountOf("lotte") }, select: { id: true } });
  await appointChair(
    db,
    noor,
    table.id,
    { membershipId: lotte.id, holdsPoliticalOffice: false, declaredTies: "Geen banden met partijen aan deze tafel." },
    now,
  );
  const mandate = {
    issuingBody: "college" as const,
    decisionReference: "LD-2025-014",
    decisionDate: "2025-03-03",
    scope: "Samen een herzien APV-artikel over thuiswerk en een monitoringsplan opstellen.",
    // Co-decision on the by-law article (public order); on care and health the table advises.
    domains: [
      { domain: "public_order" as const, decisionPower: "co_decision" as const },
      { domain: "care" as const, decisionPower: "advisory" as const },
      { domain: "health" as const, decisionPower: "advisory" as const },
    ],
    issuerCommitment: "Het college neemt de tekst van de tafel over of legt uit waarom het afwijkt.",
    termStart: "2025-03-03",
    termEnd: "2026-03-03",
    officials: [
      { office: "Burgemeester", portfolio: "Openbare orde en veiligheid", domains: ["public_order" as const] },
      { office: "Wethouder", portfolio: "Zorg", domains: ["care" as const, "health" as const] },
    ],
    attachments: ["Collegebesluit LD-2025-014"],
  };
  for (const key of ["gemeente", "rll", "ggd", "politie", "zorg", "exploitanten"]) {
    const partyId = parties.get(key);
    if (partyId) await recordCommitment(db, noor, table.id, { partyId, kind: "decisions_here", text: "" }, now);
  }
  const ilse = accountOf("ilse");
  await recordMandate(db, ilse, table.id, mandate, now);
  await recordMandate(
    db,
    ilse,
    table.id,
    {
      ...mandate,
      termEnd: "2027-03-03",
      reviewDate: "2026-09-01",
      amendmentNote: "Termijn verlengd tot 3 maart 2027 na de tussenevaluatie.",
    },
    now,
  );
  await appendUpdate(db, docName({ kind: "notes", tableId: table.id }), demoNotes());
  await seedParticipation(db, table.id, parties, accountOf, now);
  await seedFacts(db, { tableId: table.id, accountOf, now });
  const meetings = await seedMeetings(db, { tableId: table.id, accountOf, now });
  await seedMinutes(db, { tableId: table.id, meetingId: meetings.pastMeetingId, accountOf, now });
  await seedProblem(db, { tableId: table.id, accountOf, parties, now });
  await seedCompensation(db, { tableId: table.id, accountOf, pastMeetingId: meetings.pastMeetingId, now });
  await seedMeasures(db, { tableId: table.id, accountOf, parties, now });
  return { tableId: table.id };
}

/** What each default phase must deliver; the first two are dated, joint problem definition is under way. */
const DEMO_DELIVERABLES: Record<string, string> = {
  agenda_setting: "Gedeelde agenda en werkafspraken; alle betrokken partijen uitgenodigd.",
  problem_definition: "Een gezamenlijke probleemstelling die allen of de meesten steunen, met het perspectief van elke partij ernaast.",
  fact_finding: "Feitenregister: per cijfer de bron, wat er geteld is en hoe de tafel het citeert.",
  options_and_drafting:
    "Concept van het herziene APV-artikel en een monitoringsplan, met een effectcheck op veiligheid, gezondheid en autonomie.",
  decision: "Tekst gedragen door allen of de meesten, aangeboden aan het college; afwijkende standpunten blijven zichtbaar.",
  implementation: "Protocol contact handhaving–thuiswerkers in gebruik; niemand wordt geout.",
  monitoring_and_evaluation: "Gezamenlijke evaluatie na zes maanden, met wat er met de inbreng is gedaan.",
};

async function seedPhases(db: Db, facilitator: string, tableId: string, now: Date) {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const dates: Record<string, [string, string]> = {
    agenda_setting: [day(-42), day(-8)],
    problem_definition: [day(-7), day(49)],
  };
  const phases = await db.phase.findMany({ where: { tableId }, orderBy: { position: "asc" }, select: { id: true, kind: true } });
  for (const phase of phases) {
    const [startsOn, endsOn] = dates[phase.kind ?? ""] ?? ["", ""];
    await updatePhase(
      db,
      facilitator,
      tableId,
      phase.id,
      { name: "", deliverables: DEMO_DELIVERABLES[phase.kind ?? ""] ?? "", startsOn, endsOn },
      now,
    );
  }
  const current = phases.find((phase) => phase.kind === "problem_definition");
  if (current) await setCurrentPhase(db, facilitator, tableId, current.id, now);
}

/** S1 and S7: intended forms per phase, and perceptions that differ between RLL and the municipality. */
async function seedParticipation(db: Db, tableId: string, parties: Map<string, string>, accountOf: (name: string) => string, now: Date) {
  const phases = await db.phase.findMany({ where: { tableId }, orderBy: { position: "asc" }, select: { id: true, kind: true } });
  const phase = (kind: string) => phases.find((p) => p.kind === kind)?.id ?? "";
  const rll = parties.get("rll") ?? "";
  const gemeente = parties.get("gemeente") ?? "";
  const lotte = accountOf("lotte");
  const rllIntended: [string, "equal_combination" | "shared_decision_power" | "consultation"][] = [
    ["agenda_setting", "shared_decision_power"],
    ["problem_definition", "equal_combination"],
    ["fact_finding", "shared_decision_power"],
    ["options_and_drafting", "equal_combination"],
    ["decision", "shared_decision_power"],
    ["implementation", "shared_decision_power"],
    ["monitoring_and_evaluation", "shared_decision_power"],
  ];
  for (const [kind, form] of rllIntended) {
    await setIntendedForm(
      db,
      lotte,
      tableId,
      { partyId: rll, phaseId: phase(kind), form, rationale: "Sekswerkers zijn de ervaringsdeskundigen; niets over hen zonder hen." },
      now,
    );
    await setIntendedForm(
      db,
      lotte,
      tableId,
      { partyId: gemeente, phaseId: phase(kind), form: "shared_decision_power", rationale: "De gemeente draagt het mandaat." },
      now,
    );
  }
  // Each delegate speaks for their own party (taken from their membership), as the organisation.
  const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000);
  await recordPerception(
    db,
    accountOf("saffier"),
    tableId,
    {
      phaseId: phase("agenda_setting"),
      form: "informing",
      explanation: "De agenda lag al vast toen wij werden uitgenodigd.",
      attribution: "organisation",
    },
    twoDaysAgo,
  );
  await recordPerception(
    db,
    accountOf("ilse"),
    tableId,
    {
      phaseId: phase("agenda_setting"),
      form: "shared_decision_power",
      explanation: "Alle partijen konden punten aandragen.",
      attribution: "organisation",
    },
    twoDaysAgo,
  );
  // Saffier corrects her own fresh assessment within the day: the earlier text stays as history.
  const first = await recordPerception(
    db,
    accountOf("saffier"),
    tableId,
    {
      phaseId: phase("problem_definition"),
      form: "shared_decision_power",
      explanation: "We mochten meebeslissen over de probleemstelling.",
      attribution: "organisation",
    },
    new Date(now.getTime() - 3 * 3_600_000),
  );
  await recordPerception(
    db,
    accountOf("saffier"),
    tableId,
    {
      phaseId: phase("problem_definition"),
      form: "equal_combination",
      explanation: "Onze perspectieven staan naast die van de gemeente.",
      replaces: first.id,
    },
    now,
  );
  // S7: a partly met checklist, answered by each party for itself.
  const problem = phase("problem_definition");
  const answers: [string, string, "met" | "partly" | "not_met", string][] = [
    ["saffier", "INF-3", "partly", "Factsheets alleen in het Nederlands"],
    ["saffier", "ENV-2", "met", "Avondbijeenkomsten"],
    ["saffier", "FIN-1", "met", "Vergoeding per bijeenkomst"],
    ["saffier", "OPP-3", "partly", "Notulen nog met namen in het eerste concept"],
    ["ilse", "INF-3", "met", "Informatie in vier talen aangekondigd"],
    ["ilse", "COM-3", "met", "Onafhankelijke voorzitter benoemd"],
  ];
  for (const [person, item, answer, evidence] of answers) {
    await answerCondition(db, accountOf(person), tableId, { phaseId: problem, item: item as "INF-3", answer, evidence }, now);
  }
  // The facilitator answers for the whole table as process owner, in her own column.
  await answerCondition(
    db,
    accountOf("noor"),
    tableId,
    { phaseId: "", item: "INF-3", answer: "partly", evidence: "Vertaling van de factsheets naar het Engels, Roemeens en Spaans loopt" },
    now,
  );
}

function demoNotes(): Uint8Array {
  const schema = getSchema(notesExtensions());
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Werkafspraken" }] },
        {
          type: "bulletList",
          content: [
            item("We spreken elkaar aan met de naam die iemand zelf kiest; werknamen zijn welkom."),
            item("Wat hier gedeeld wordt, gaat niet naar handhaving."),
            item("Besluiten nemen we met steun van allen of de meesten; afwijkende standpunten blijven zichtbaar."),
          ],
        },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Vraag voor de eerste bijeenkomst" }] },
        {
          type: "paragraph",
          content: [{ type: "text", text: "Is thuiswerk een probleem? Zo ja, wat is dan precies het probleem, en voor wie?" }],
        },
      ],
    },
    doc.getXmlFragment(NOTES_FIELD),
  );
  return Y.encodeStateAsUpdate(doc);
}

function item(text: string) {
  return { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}
