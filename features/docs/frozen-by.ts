// Who froze a version, named as the activity log names people: a delegate's act is their party's,
// anyone else by pseudonym, someone who left as a former member.
import type { Db } from "../../prisma/db.ts";

export type FrozenBy = { kind: "party"; name: string } | { kind: "person"; pseudonym: string } | { kind: "former" };

/** The versions with `frozenBy` turned from a membership id into how the table names it. */
export async function withFrozenBy<T extends { frozenBy: string }>(
  db: Db,
  versions: T[],
): Promise<(Omit<T, "frozenBy"> & { frozenBy: FrozenBy })[]> {
  const frozenBy = await db.membership.findMany({
    where: { id: { in: [...new Set(versions.map((v) => v.frozenBy))] } },
    select: { id: true, role: true, leftAt: true, party: { select: { name: true } }, account: { select: { pseudonym: true } } },
  });
  const byId = new Map(frozenBy.map((m) => [m.id, m]));
  const nameOf = (membershipId: string): FrozenBy => {
    const m = byId.get(membershipId);
    if (m?.role === "delegate" && m.party) return { kind: "party", name: m.party.name };
    if (!m || m.leftAt) return { kind: "former" };
    return { kind: "person", pseudonym: m.account.pseudonym };
  };
  return versions.map((v) => ({ ...v, frozenBy: nameOf(v.frozenBy) }));
}
