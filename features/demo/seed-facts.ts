// The Lindendam demo's fact register (story S6): the starter set's figures with their sources and
// links; the "80 to 90% forced" claim disputed by the sex worker organisation and settled as
// agreed to disagree; the detectives' estimate accepted by the residents with a caveat; the
// national estimate agreed with its citation wording; and a fact question answered by a record.
import type { Db } from "../../prisma/db.ts";
import { changeFactStatus, editFact, proposeFact, recordPosition, setCitationWording } from "../facts/commands.ts";
import { answerQuestion, askQuestion } from "../facts/questions.ts";
import { importStarterSet, STARTER_SET, starterInput } from "../facts/starter-set.ts";

type Demo = { tableId: string; accountOf: (signInName: string) => string; now: Date };

export async function seedFacts(db: Db, { tableId, accountOf, now }: Demo): Promise<void> {
  const noor = accountOf("noor");
  const lotte = accountOf("lotte");
  const at = (minutes: number) => new Date(now.getTime() - (600 - minutes) * 60_000);
  await importStarterSet(db, noor, tableId, at(0));
  const facts = await db.fact.findMany({ where: { tableId }, select: { id: true, code: true } });
  const id = (code: string) => facts.find((fact) => fact.code === code)?.id ?? "";
  const position = (
    who: string,
    code: string,
    stance: "accepts" | "accepts_with_caveat" | "disputes" | "no_position",
    reasoning: string,
    minute: number,
  ) => recordPosition(db, accountOf(who), tableId, id(code), { stance, reasoning }, at(minute));
  const discuss = (code: string, minute: number) => changeFactStatus(db, lotte, tableId, id(code), { to: "under_discussion" }, at(minute));

  // COE-02: the source gives no base at all; the table records that the denominator is unknown.
  const coe02 = STARTER_SET.find((record) => record.id === "COE-02");
  if (coe02) {
    await editFact(
      db,
      noor,
      tableId,
      id("COE-02"),
      { ...starterInput(coe02, "nl"), denominatorUnknown: true },
      { note: "Noemer onbekend: de bron noemt geen basis." },
      at(5),
    );
  }
  for (const [index, code] of ["COE-02", "COE-03", "COE-04", "NRM-07", "AMS-03", "AMS-04"].entries()) await discuss(code, 10 + index);

  await setCitationWording(
    db,
    lotte,
    tableId,
    id("COE-02"),
    "“80 tot 90% gedwongen” is een bewering van tegenstanders van sekswerk zonder bron of methode; het stamt waarschijnlijk uit schattingen van zes zedenrechercheurs (50–85%, KLPD 2008), terwijl sekswerkers in beleidsonderzoek zelf 4%, 8% en 10% noemen (ooit gedwongen). De noemer is onbekend.",
    at(20),
  );
  await position(
    "saffier",
    "COE-02",
    "disputes",
    "Dit is geen feit maar een framing: er zit geen telling onder, alleen gissingen van zes rechercheurs. Wie het cijfer noemt, zet alle sekswerkers neer als slachtoffer.",
    30,
  );
  await position("henk", "COE-02", "accepts", "Zo wordt het in de buurt gezegd; de tafel moet wel laten zien waar het vandaan komt.", 31);
  await position(
    "ilse",
    "COE-02",
    "accepts_with_caveat",
    "Alleen te citeren als bewering, met de herkomst en de zelfrapportages ernaast.",
    32,
  );
  await position("femke", "COE-02", "no_position", "", 33);
  await changeFactStatus(
    db,
    lotte,
    tableId,
    id("COE-02"),
    { to: "agreed_to_disagree", reason: "RLL betwist het cijfer; de tafel citeert het alleen met deze formulering." },
    at(40),
  );

  await position(
    "henk",
    "COE-03",
    "accepts_with_caveat",
    "Met kanttekening: zelfrapportages tellen te laag, dus de echte waarde ligt hoger dan 4–10%.",
    45,
  );
  await position("saffier", "COE-03", "disputes", "Zes gissingen zijn geen meting van hoeveel sekswerkers gedwongen werken.", 46);

  await setCitationWording(
    db,
    lotte,
    tableId,
    id("NRM-07"),
    "Tussen 5.000 en 7.500 mogelijke slachtoffers van mensenhandel per jaar (alle vormen, 2013–2017): een schatting van de Nationaal Rapporteur met Multiple Systems Estimation op registraties van mogelijke slachtoffers, die aanneemt dat die registraties foutloos en onafhankelijk zijn — aannames die volgens critici niet opgaan.",
    at(50),
  );
  await position("ilse", "NRM-07", "accepts", "", 55);
  await position("saffier", "NRM-07", "accepts_with_caveat", "Alleen met de aannames erbij: het is een schatting van een schatting.", 56);
  await position("henk", "NRM-07", "accepts", "", 57);
  await position("femke", "NRM-07", "accepts", "", 58);
  await changeFactStatus(db, lotte, tableId, id("NRM-07"), { to: "agreed" }, at(60));

  await position(
    "femke",
    "AMS-04",
    "accepts_with_caveat",
    "Let op: 62% is van de meldingen mét bekende locatie, niet van alle meldingen.",
    65,
  );

  // S10 in small: a question the table wants answered, and one answered with a record of its own.
  await askQuestion(
    db,
    accountOf("saffier"),
    tableId,
    {
      question: "Hoeveel sekswerkers werken in Lindendam vanuit huis, ongeveer?",
      assigneePartyId: await partyId(db, tableId, "Stichting Rode Lantaarn Lindendam"),
      assigneeNote: "Via de peer check-ins van RLL, alleen geaggregeerd.",
      dueOn: new Date(now.getTime() + 42 * 86_400_000).toISOString().slice(0, 10),
    },
    at(70),
  );
  const question = await askQuestion(
    db,
    lotte,
    tableId,
    {
      question: "Hoeveel anonieme consulten had de GGD in 2025 met sekswerkers die thuis werken?",
      assigneePartyId: await partyId(db, tableId, "GGD Regio Lindendam"),
      dueOn: new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
    },
    at(71),
  );
  const ggdFact = await proposeFact(
    db,
    accountOf("femke"),
    tableId,
    {
      code: "LD-01",
      title: "GGD Lindendam: anonieme consulten met thuiswerkende sekswerkers, 2025",
      statement: "De GGD had in 2025 64 anonieme consulten met sekswerkers die thuis werken.",
      topic: "Lindendam",
      valueKind: "count",
      valuePoint: 64,
      qualifier: "exactly",
      valueDisplay: "64 consulten",
      unit: "consulten",
      countedObject: "Consulten op werknaam, geen personen: één persoon kan vaker komen.",
      referencePeriod: "2025",
      periodKind: "kalenderjaar",
      geography: "Lindendam",
      sectorScope: "Thuiswerk",
      evidenceKind: "registration",
      methodDescription: "Telling in het spreekuurregister van de GGD, op werknaam, zonder persoonsgegevens.",
      sourceTitle: "GGD Regio Lindendam, jaaroverzicht spreekuren 2025",
      caveats: ["Telt alleen wie de GGD weet te vinden."],
    },
    at(80),
  );
  await answerQuestion(
    db,
    accountOf("femke"),
    tableId,
    question.id,
    { text: "64 consulten in 2025; zie LD-01.", factIds: [ggdFact.id] },
    at(81),
  );
}

async function partyId(db: Db, tableId: string, name: string): Promise<string> {
  return (await db.party.findFirstOrThrow({ where: { tableId, name }, select: { id: true } })).id;
}
