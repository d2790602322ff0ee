import type { Db } from "../../prisma/db.ts";
import { actorFor, can } from "../tables/policy.ts";
import { type MemberContext, membershipOf, membershipsOf } from "../tables/queries.ts";
import { type DocRef, parseDocName } from "./names.ts";

export type DocAccess = "write" | "read" | "none";

/** The rule for one kind of document, given the account's place at the owning table. */
function accessByPolicy(accountId: string, ref: DocRef, membership: MemberContext | null): DocAccess {
  if (!membership) return "none";
  const actor = actorFor(accountId, membership);
  switch (ref.kind) {
    case "notes":
      if (can(actor, "notes.write", membership.table)) return "write";
      if (can(actor, "notes.read", membership.table)) return "read";
      return "none";
  }
}

/** What an account may do with a live document, from the same policy the pages use. */
export async function docAccess(db: Db, accountId: string, name: string): Promise<DocAccess> {
  const ref = parseDocName(name);
  if (!ref) return "none";
  return accessByPolicy(accountId, ref, await membershipOf(db, accountId, ref.tableId));
}

/** docAccess for many (account, document) pairs with one membership query, in the same order. */
export async function docAccessMany(db: Db, requests: { accountId: string; name: string }[]): Promise<DocAccess[]> {
  const refs = requests.map((request) => parseDocName(request.name));
  const memberships = await membershipsOf(
    db,
    requests.flatMap((request, i) => {
      const ref = refs[i];
      return ref ? [{ accountId: request.accountId, tableId: ref.tableId }] : [];
    }),
  );
  return requests.map((request, i) => {
    const ref = refs[i];
    if (!ref) return "none";
    return accessByPolicy(request.accountId, ref, memberships.get(`${request.accountId}:${ref.tableId}`) ?? null);
  });
}
