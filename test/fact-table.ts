// A table for fact register tests: a facilitator, a chair, a secretary and an observer, three
// parties with one delegate each (a sex worker organisation, residents, public health) and the
// police without a delegate, so it is not counted in decisions.
import { addParty } from "../features/tables/parties.ts";
import type { Db } from "../prisma/db.ts";
import { makeAccount, makeTable } from "./factories.ts";

export async function makeFactTable(db: Db) {
  const table = await makeTable(db, ["chair", "secretary", "observer"]);
  const [chair, secretary, observer] = table.members.map((member) => member.accountId) as [string, string, string];
  const facilitator = table.facilitator.accountId;
  const party = async (type: Parameters<typeof addParty>[3]["type"], name: string) =>
    (await addParty(db, facilitator, table.tableId, { type, name })).id;
  const rll = await party("sex_worker_organisation", "Stichting Rode Lantaarn");
  const bewoners = await party("residents", "Bewonersvereniging Oude Haven");
  const ggd = await party("public_health", "GGD Regio");
  const politie = await party("police", "Politie Centrum");
  const delegate = async (partyId: string, pseudonym: string) => {
    const account = await makeAccount(db, { pseudonym });
    await db.membership.create({ data: { tableId: table.tableId, accountId: account.id, role: "delegate", partyId } });
    return account.id;
  };
  return {
    tableId: table.tableId,
    facilitator,
    chair,
    secretary,
    observer,
    parties: { rll, bewoners, ggd, politie },
    delegates: {
      rll: await delegate(rll, "Saffier"),
      bewoners: await delegate(bewoners, "Henk"),
      ggd: await delegate(ggd, "Femke"),
    },
  };
}

/** A share with its range, base and source: ready for discussion. */
export const SOURCED_SHARE = {
  code: "COE-03",
  title: "KLPD 2008: schattingen van zedenrechercheurs",
  statement: "Zes zedenrechercheurs schatten dat 50% tot 85% van de sekswerkers gedwongen werkt.",
  valueKind: "range" as const,
  valueLow: "50",
  valueHigh: "85",
  qualifier: "estimate" as const,
  valueDisplay: "50% tot 85%",
  unit: "% van de sekswerkers",
  percentage: true,
  sampleSize: "6",
  denominatorDescription: "Sekswerkers in Nederland (niet geteld)",
  countedObject: "Schattingen van rechercheurs, geen metingen",
  evidenceKind: "expert_opinion" as const,
  sourceTitle: "Fact or frame? (artikel)",
  sourceLocator: "voetnoot 3",
  originalSource: "KLPD (2008)",
  citationChain: ["002 fn 3 → KLPD (2008)"],
};
