// The Lindendam demo's measure: a protocol for reporting violence safely, drafted by the table,
// checked for its effects by every party (the sex worker organisation expecting what the others
// did not), answered with mitigations, endorsed, adopted by the mayor, monitored for a year and
// reviewed together. Written through the same commands people use, each at its own moment.
import type { Db } from "../../prisma/db.ts";
import { answerRound, closeRound, openRound } from "../decisions/rounds.ts";
import { contentUpdate, paragraphs } from "../docs/seed.ts";
import { appendUpdate } from "../docs/store.ts";
import { freezeVersion, storedState } from "../docs/versions.ts";
import { recordAdoption } from "../measures/adoption.ts";
import { changeMeasureStatus, createMeasure } from "../measures/commands.ts";
import { openImpactCheck, recordMitigation, respondToCheck } from "../measures/impact.ts";
import type { ImpactResponseInput } from "../measures/model.ts";
import { addIndicator, addReviewDate, assessReview, decideReview, openReview, recordValue, setEvaluators } from "../measures/monitoring.ts";
import { measureDocName } from "../measures/records.ts";
import { amsterdamInputValue, isoDate } from "../shared/dates.ts";

type Demo = { tableId: string; accountOf: (signInName: string) => string; parties: Map<string, string>; now: Date };

const DAY = 86_400_000;

type Effects = Record<string, [effect: string, forWhom: string, reasoning: string, factIds?: string[]]>;

function assessments(effects: Effects): ImpactResponseInput {
  return {
    declined: false,
    assessments: ["safety", "health", "autonomy", "privacy", "income", "legal_position", "stigma"].map((dimension) => {
      const [effect, forWhom, reasoning, factIds = []] = effects[dimension] ?? ["unknown", "", ""];
      return { dimension, effect, forWhom, reasoning, factIds };
    }),
  };
}

export const DEMO_MEASURE_TITLE = "Protocol veilig melden van geweld";

export async function seedMeasures(db: Db, { tableId, accountOf, parties, now }: Demo): Promise<{ measureId: string }> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const day = (days: number) => isoDate(ago(days));
  const noor = accountOf("noor");
  const lotte = accountOf("lotte");
  const ilse = accountOf("ilse");
  const saffier = accountOf("saffier");
  const femke = accountOf("femke");
  const henk = accountOf("henk");
  const party = (key: string) => parties.get(key) as string;
  const facts = await db.fact.findMany({ where: { tableId, code: { in: ["LD-01", "CMS-09"] } }, select: { id: true, code: true } });
  const fact = (code: string) => facts.filter((f) => f.code === code).map((f) => f.id);

  const measure = await createMeasure(
    db,
    noor,
    tableId,
    {
      title: DEMO_MEASURE_TITLE,
      kind: "protocol",
      purpose:
        "Sekswerkers kunnen geweld melden bij politie of meldpunt zonder dat hun werk of werkplek daardoor onderzocht wordt, zodat meer geweld gemeld en aangepakt wordt.",
      responsibleBody: "mayor",
      domain: "public_order",
      factIds: fact("CMS-09"),
    },
    ago(420),
  );
  const name = measureDocName(tableId, measure.id);
  await appendUpdate(
    db,
    name,
    contentUpdate(
      await storedState(db, name),
      paragraphs([
        "1. Een sekswerker die geweld meldt, wordt behandeld als melder of slachtoffer, niet als onderwerp van controle.",
        "2. Bij een melding wordt de werkplek niet gecontroleerd op vergunning of huisvesting, tenzij er aanwijzingen zijn voor uitbuiting.",
        "3. De melder mag een vertrouwenspersoon van de Stichting Rode Lantaarn meenemen.",
        "4. Het meldpunt van de gemeente neemt meldingen ook op werknaam aan.",
      ]),
    ),
  );
  await freezeVersion(db, ilse, { kind: "measure", tableId, measureId: measure.id }, ago(410));
  const check = await openImpactCheck(db, lotte, tableId, measure.id, ago(405));

  await respondToCheck(
    db,
    saffier,
    tableId,
    measure.id,
    assessments({
      safety: ["positive", "alle sekswerkers", "Wie geweld meldt zonder angst voor controle, meldt eerder."],
      health: ["positive", "", "Minder angst om hulp te zoeken na geweld."],
      autonomy: ["positive", "", "De melder kiest zelf of er een vertrouwenspersoon meekomt."],
      privacy: [
        "negative",
        "thuiswerkers en migranten zonder papieren",
        "Als de politie beroep of werkadres registreert, staat iemand voor altijd als sekswerker in de systemen.",
      ],
      income: ["none", "", ""],
      legal_position: [
        "unknown",
        "migranten zonder papieren",
        "Het protocol zegt niets over vreemdelingenrechtelijke gevolgen van een melding.",
      ],
      stigma: ["negative", "", "Een apart protocol voor sekswerkers kan het beeld versterken dat sekswerkers altijd slachtoffer zijn."],
    }),
    ago(400),
  );
  await respondToCheck(
    db,
    ilse,
    tableId,
    measure.id,
    assessments({
      safety: ["positive", "", "Meer meldingen geven politie en gemeente zicht op geweld."],
      health: ["none", "", ""],
      autonomy: ["positive", "", ""],
      privacy: ["none", "", "Meldingen op werknaam zijn al mogelijk."],
      income: ["none", "", ""],
      legal_position: ["positive", "", "Een melding leidt niet meer tot handhaving op de werkplek."],
      stigma: ["none", "", ""],
    }),
    ago(399),
  );
  await respondToCheck(
    db,
    femke,
    tableId,
    measure.id,
    assessments({
      safety: ["positive", "", ""],
      health: ["positive", "sekswerkers die nu geen zorg zoeken", "Na geweld kan de GGD eerder zorg en testen aanbieden.", fact("LD-01")],
      privacy: ["negative", "", "Registratie bij de politie kan het vertrouwen in de anonieme spreekuren schaden."],
      stigma: ["unknown", "", ""],
    }),
    ago(398),
  );
  await respondToCheck(
    db,
    henk,
    tableId,
    measure.id,
    assessments({
      safety: ["positive", "bewoners en sekswerkers", "Geweld in de buurt wordt eerder gemeld."],
      health: ["none", "", ""],
      autonomy: ["none", "", ""],
      privacy: ["none", "", ""],
      income: ["none", "", ""],
      legal_position: ["none", "", ""],
      stigma: ["unknown", "", ""],
    }),
    ago(397),
  );
  // The table answers the privacy concern; the stigma concern stays open, and says so.
  await recordMitigation(
    db,
    lotte,
    tableId,
    measure.id,
    {
      checkId: check.id,
      kind: "accompanying_action",
      dimension: "privacy",
      text: "De politie registreert bij een melding geen beroep en geen werkadres. De burgemeester legt dit vast in een afspraak met de politie.",
    },
    ago(395),
  );
  await recordMitigation(
    db,
    lotte,
    tableId,
    measure.id,
    {
      checkId: check.id,
      kind: "accompanying_action",
      dimension: "legal_position",
      text: "Het meldpunt verwijst migranten zonder papieren naar onafhankelijk juridisch advies voordat zij aangifte doen.",
    },
    ago(395),
  );

  const version = await db.docVersion.findFirstOrThrow({ where: { docName: name }, select: { id: true } });
  const round = await openRound(db, lotte, tableId, { versionId: version.id, deadline: amsterdamInputValue(ago(385)) }, ago(392));
  await answerRound(
    db,
    saffier,
    tableId,
    round.id,
    { answer: "support_with_reservations", reason: "Het stigma-punt blijft: evalueer dit na een jaar." },
    ago(391),
  );
  await answerRound(db, ilse, tableId, round.id, { answer: "support", reason: "" }, ago(391));
  await answerRound(db, femke, tableId, round.id, { answer: "support", reason: "" }, ago(390));
  await answerRound(db, henk, tableId, round.id, { answer: "support", reason: "" }, ago(390));
  await closeRound(db, lotte, tableId, round.id, ago(389));
  await changeMeasureStatus(db, lotte, tableId, measure.id, { to: "proposed" }, ago(388));
  await recordAdoption(
    db,
    ilse,
    tableId,
    measure.id,
    { body: "mayor", reference: "Besluit burgemeester 2025/041", decidedOn: day(372), effectiveOn: day(365) },
    ago(371),
  );
  await changeMeasureStatus(db, lotte, tableId, measure.id, { to: "in_force" }, ago(365));

  // The monitoring plan: two indicators, the evaluating parties and the review after a year.
  const reports = await addIndicator(
    db,
    noor,
    tableId,
    measure.id,
    {
      name: "Meldingen van geweld door sekswerkers, per kwartaal",
      source: "Meldpunt gemeente Lindendam",
      valueType: "count",
      baseline: "2",
      reporterPartyId: party("gemeente"),
      frequency: "quarterly",
    },
    ago(364),
  );
  const known = await addIndicator(
    db,
    noor,
    tableId,
    measure.id,
    {
      name: "Sekswerkers die weten dat zij veilig kunnen melden",
      source: "Enquête Stichting Rode Lantaarn onder sekswerkers",
      valueType: "percentage",
      baseline: "20",
      reporterPartyId: party("rll"),
      frequency: "half_yearly",
    },
    ago(364),
  );
  await setEvaluators(db, noor, tableId, measure.id, [party("gemeente"), party("ggd"), party("bewoners")], ago(364));
  const review = await addReviewDate(db, noor, tableId, measure.id, { scheduledFor: day(7) }, ago(364));
  for (const [days, value] of [
    [275, "3"],
    [184, "5"],
    [93, "6"],
  ] as const) {
    await recordValue(db, ilse, tableId, measure.id, { indicatorId: reports.id, value, measuredOn: day(days) }, ago(days - 1));
  }
  await recordValue(db, saffier, tableId, measure.id, { indicatorId: known.id, value: "35", measuredOn: day(184) }, ago(183));

  // A year later: the review.
  await openReview(db, lotte, tableId, measure.id, review.id, ago(7));
  await recordValue(
    db,
    ilse,
    tableId,
    measure.id,
    { indicatorId: reports.id, value: "8", measuredOn: day(8), reviewId: review.id },
    ago(6),
  );
  await recordValue(
    db,
    saffier,
    tableId,
    measure.id,
    { indicatorId: known.id, value: "45", measuredOn: day(10), note: "82 sekswerkers deden mee.", reviewId: review.id },
    ago(6),
  );
  await assessReview(
    db,
    saffier,
    tableId,
    measure.id,
    review.id,
    {
      verdict: "partly",
      safety: "positive",
      health: "positive",
      autonomy: "positive",
      reasoning:
        "Meer collega's durven te melden. Maar de helft weet nog niet dat het veilig kan, en migranten zonder papieren melden nog bijna nooit.",
    },
    ago(5),
  );
  await assessReview(
    db,
    ilse,
    tableId,
    measure.id,
    review.id,
    {
      verdict: "works",
      safety: "positive",
      health: "none",
      autonomy: "none",
      reasoning: "Vier keer zoveel meldingen als bij de nulmeting.",
    },
    ago(5),
  );
  await assessReview(
    db,
    femke,
    tableId,
    measure.id,
    review.id,
    {
      verdict: "works",
      safety: "positive",
      health: "positive",
      autonomy: "unknown",
      reasoning: "Meer doorverwijzingen naar het spreekuur na geweld.",
    },
    ago(4),
  );
  await decideReview(
    db,
    lotte,
    tableId,
    measure.id,
    review.id,
    {
      outcome: "keep",
      note: "Het protocol blijft. De Rode Lantaarn en de GGD maken het samen bekender, ook onder migranten; over een jaar evalueert de tafel opnieuw.",
    },
    ago(3),
  );
  await addReviewDate(db, noor, tableId, measure.id, { scheduledFor: isoDate(new Date(now.getTime() + 362 * DAY)) }, ago(3));
  return { measureId: measure.id };
}
