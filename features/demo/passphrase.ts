// The demo accounts' passphrase: made at the first start that loads the demo and kept in the data
// folder (like the session secret), never published, so two installations never share one.
import { randomInt } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { hashPassphrase, verifyPassphrase } from "../identity/passphrase.ts";
import { endSessions } from "../identity/sessions.ts";

// No 0/o, 1/l/i: easy to read off a terminal and type.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** e.g. "demo-k7fq-m2xd-9hwp-t3ra": about 79 bits, well past the passphrase rules. */
export function newDemoPassphrase(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return ["demo", group(), group(), group(), group()].join("-");
}

/**
 * Before passphrases were made per installation, every demo account had this one, and it was
 * published. Accounts that still have it get a new passphrase at the next start.
 */
const FORMERLY_PUBLISHED = "lindendam demo tafel";

/**
 * Gives the named accounts the new passphrase and ends their sessions, but only those that still
 * have the formerly published one: an account that merely shares a demo sign-in name keeps its
 * own. Returns how many were changed.
 */
export async function replacePublishedDemoPassphrase(
  db: Db,
  signInNames: string[],
  passphrase: string,
  now: Date = new Date(),
): Promise<number> {
  const accounts = await db.account.findMany({ where: { signInName: { in: signInNames } }, select: { id: true, passphraseHash: true } });
  const stale = [];
  for (const account of accounts) if (await verifyPassphrase(account.passphraseHash, FORMERLY_PUBLISHED)) stale.push(account.id);
  if (stale.length === 0) return 0;
  const passphraseHash = await hashPassphrase(passphrase);
  for (const id of stale) {
    await db.$transaction(async (tx) => {
      await tx.account.update({ where: { id }, data: { passphraseHash } });
      await endSessions(tx, { accountId: id }, now);
      await recordAudit(tx, { action: "account.passphrase_changed", accountId: id, data: { demo: true } }, now);
    });
  }
  return stale.length;
}
