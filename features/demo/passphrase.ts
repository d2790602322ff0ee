// The demo accounts' passphrase: made at the first start that loads the demo and kept in the data
// folder (like the session secret), never published, so two installations never share one.
import { randomInt } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { hashPassphrase } from "../identity/passphrase.ts";

// No 0/o, 1/l/i: easy to read off a terminal and type.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** e.g. "demo-k7fq-m2xd-9hwp-t3ra": about 79 bits, well past the passphrase rules. */
export function newDemoPassphrase(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return ["demo", group(), group(), group(), group()].join("-");
}

/**
 * Gives the demo accounts this passphrase and ends their sessions: used when the data folder
 * holds none for them yet (a demo loaded before passphrases were kept there, or elsewhere).
 */
export async function setDemoPassphrase(db: Db, signInNames: string[], passphrase: string, now: Date = new Date()): Promise<void> {
  const passphraseHash = await hashPassphrase(passphrase);
  const accounts = await db.account.findMany({
    where: { signInName: { in: signInNames } },
    select: { id: true },
  });
  for (const account of accounts) {
    await db.$transaction([
      db.account.update({ where: { id: account.id }, data: { passphraseHash } }),
      db.session.updateMany({ where: { accountId: account.id, revokedAt: null }, data: { revokedAt: now } }),
    ]);
    await recordAudit(db, { action: "account.passphrase_changed", accountId: account.id, data: { demo: true } }, now);
  }
}
