// The Lindendam demo's joint problem definition: a shared statement drafted in two versions, the
// perspectives of the sex worker organisation and the municipality, and a completed endorsement
// round on version 2 that passed "all or most" with the residents' objection visible. Content is
// written as stored Yjs updates on the server, as if typed, never handed to an editor.
import type { Db } from "../../prisma/db.ts";
import { answerRound, closeRound, openRound } from "../decisions/rounds.ts";
import { docName } from "../docs/names.ts";
import { contentUpdate, type ProseMirrorJson, paragraphs } from "../docs/seed.ts";
import { appendUpdate } from "../docs/store.ts";
import { freezeVersion, storedState } from "../docs/versions.ts";
import { amsterdamInputValue } from "../shared/dates.ts";

type Demo = { tableId: string; accountOf: (signInName: string) => string; parties: Map<string, string>; now: Date };

const heading = (text: string): ProseMirrorJson => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const paragraph = (text: string): ProseMirrorJson => ({ type: "paragraph", content: [{ type: "text", text }] });

const VERSION_1 = [
  "Thuiswerk is in Lindendam verboden als het bedrijfsmatig is. Daardoor werken sekswerkers die alleen thuis willen werken zonder vergunning.",
  "Het probleem is dat de gemeente niet weet hoeveel thuiswerkers er zijn en dat handhaving de enige vorm van contact is.",
];
const VERSION_2 = [
  "Thuiswerk is in Lindendam verboden als het bedrijfsmatig is. Daardoor werken sekswerkers die zelfstandig thuis willen werken zonder vergunning, en dus zonder de bescherming die een vergunning zou kunnen bieden.",
  "Het probleem is dat de gemeente niet weet hoeveel thuiswerkers er zijn, dat handhaving de enige vorm van contact is en dat thuiswerkers daarom geen hulp zoeken.",
  "Bewoners van de Oude Haven melden soms overlast; of die met thuiswerk te maken heeft, is niet bekend.",
];

export async function seedProblem(db: Db, { tableId, accountOf, parties, now }: Demo): Promise<void> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  const statement = { kind: "problem" as const, tableId };
  const name = docName(statement);
  const write = async (content: ProseMirrorJson) => appendUpdate(db, name, contentUpdate(await storedState(db, name), content));

  await write({ type: "doc", content: [heading("Probleemstelling"), ...VERSION_1.map(paragraph)] });
  await freezeVersion(db, accountOf("noor"), statement, at(120));
  await write({ type: "doc", content: [heading("Probleemstelling"), ...VERSION_2.map(paragraph)] });
  const version = await freezeVersion(db, accountOf("noor"), statement, at(96));

  const perspective = async (key: string, texts: string[]) => {
    const partyId = parties.get(key);
    if (!partyId) return;
    await appendUpdate(db, docName({ kind: "perspective", tableId, partyId }), contentUpdate(null, paragraphs(texts)));
  };
  await perspective("rll", [
    "Voor ons is het verbod zelf het probleem: wie zelfstandig thuis werkt, is daardoor strafbaar en durft geen hulp of politie te bellen.",
    "Noem ons geen slachtoffers zolang niemand heeft gevraagd hoe wij werken.",
  ]);
  await perspective("gemeente", [
    "De gemeente wil uitbuiting tegengaan zonder zelfstandige sekswerkers te schaden. We missen zicht op de sector buiten de vergunde bedrijven.",
  ]);

  const lotte = accountOf("lotte");
  const round = await openRound(db, lotte, tableId, { versionId: version.id, deadline: amsterdamInputValue(at(-72)) }, at(90));
  await answerRound(db, accountOf("saffier"), tableId, round.id, { answer: "support", reason: "" }, at(80));
  await answerRound(
    db,
    accountOf("ilse"),
    tableId,
    round.id,
    {
      answer: "support_with_reservations",
      reason: "Het college wil de tweede alinea nog laten toetsen door juridische zaken.",
    },
    at(70),
  );
  await answerRound(db, accountOf("femke"), tableId, round.id, { answer: "support", reason: "" }, at(60));
  await answerRound(
    db,
    accountOf("henk"),
    tableId,
    round.id,
    {
      answer: "stand_aside",
      reason: "We wachten eerst de cijfers over overlast af.",
    },
    at(50),
  );
  // The residents changed their answer once the overlast was named; the earlier answer stays as history.
  await answerRound(
    db,
    accountOf("henk"),
    tableId,
    round.id,
    {
      answer: "cannot_support",
      reason: "Overlast staat er nu als onbekend, terwijl bewoners het elke week melden.",
    },
    at(40),
  );
  await closeRound(db, lotte, tableId, round.id, at(24));
}
