// The problem definition page: the shared statement's versions and rounds, and one perspective
// per party, shaped for one member.
import type { Db } from "../../prisma/db.ts";
import { roundsOf } from "../decisions/rounds.ts";
import { withFrozenBy } from "../docs/frozen-by.ts";
import { docName } from "../docs/names.ts";
import { type DocAccess, docAccessFor } from "../docs/policy.ts";
import { compareVersions, readVersion, versionsOf } from "../docs/versions.ts";
import { actorFor } from "../tables/policy.ts";
import { authorize, CURRENT_MEMBER } from "../tables/queries.ts";

export async function problemPage(
  db: Db,
  accountId: string,
  tableId: string,
  options: { read?: number; from?: number; to?: number } = {},
  now = new Date(),
) {
  const member = await authorize(db, accountId, tableId, "problem.read");
  const actor = { ...actorFor(accountId, member), partyId: member.partyId };
  const statement = { kind: "problem" as const, tableId };
  const name = docName(statement);
  const table = await db.table.findUniqueOrThrow({ where: { id: tableId }, select: { decisionRule: true } });
  const parties = await db.party.findMany({
    where: { tableId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, type: true },
  });
  const versions = await versionsOf(db, name);
  const numbers = new Set(versions.map((v) => v.number));
  const read = options.read && numbers.has(options.read) ? await readVersion(db, accountId, statement, options.read) : null;
  const diff =
    options.from && options.to && numbers.has(options.from) && numbers.has(options.to) && options.from !== options.to
      ? await compareVersions(db, accountId, statement, options.from, options.to)
      : null;
  const rounds = await roundsOf(db, accountId, tableId, name, now);
  const counted = await db.party.findMany({
    where: { tableId, memberships: { some: { role: "delegate", ...CURRENT_MEMBER } } },
    select: { id: true },
  });
  const access = (partyId: string): DocAccess => docAccessFor(actor, { kind: "perspective", tableId, partyId }, member.table);
  return {
    rule: table.decisionRule,
    statement: { name, access: docAccessFor(actor, statement, member.table) },
    versions: await withFrozenBy(db, versions),
    read,
    diff: diff && { from: diff.from.number, to: diff.to.number, parts: diff.parts },
    rounds,
    countedNow: counted.length,
    perspectives: parties.map((party) => ({
      party,
      name: docName({ kind: "perspective", tableId, partyId: party.id }),
      access: access(party.id),
    })),
    myPartyId: member.partyId,
  };
}
