// Erasing an account (R7). Memberships are never deleted (the ledger and every record a person
// wrote refer to them), so erasure anonymises instead: the account loses every personal field and
// its memberships end. What the person said as their organisation stays the organisation's; what
// they said under their pseudonym now reads as a former member's, since no pseudonym is left; ledger
// entries keep their amounts, linked only to a membership that leads to nobody. The payout details
// in the vault, consent records and notifications are deleted. The log records that an erasure
// happened, never whose.
import { randomBytes } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import { noteAccessChange } from "../access/changes.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../shared/app-error.ts";
import { currentFacilitators } from "../tables/members.ts";
import { membershipEndProblem } from "../tables/policy.ts";
import { CURRENT_MEMBER } from "../tables/queries.ts";
import { PASSPHRASE_MAX } from "./model.ts";
import { verifyPassphrase } from "./passphrase.ts";
import { endSessions } from "./sessions.ts";
import { recordFailure, throttledUntil, throttleKeys } from "./throttle.ts";

/** Not an argon2 hash, so no passphrase or recovery code ever verifies against it. */
export const ERASED_HASH = "erased";

/**
 * The sign-in name an erased account keeps: the column is unique and required, and the person's
 * own name must be free again. The colon is outside the sign-in name alphabet, so no sign-up can
 * ever take or guess it.
 */
export function erasedSignInName(): string {
  return `erased:${randomBytes(16).toString("hex")}`;
}

/**
 * The tables (not closed) where this person is the only facilitator: they must hand that role
 * to someone first, as when leaving. For the erase form, which says so before anyone tries.
 */
export async function lastFacilitatorTables(db: Db, accountId: string): Promise<{ id: string; title: string }[]> {
  const own = await db.membership.findMany({
    where: { accountId, role: "facilitator", ...CURRENT_MEMBER, table: { status: { not: "closed" } } },
    select: {
      table: {
        select: { id: true, title: true, memberships: { where: { role: "facilitator", ...CURRENT_MEMBER }, select: { id: true } } },
      },
    },
  });
  return own.filter((m) => m.table.memberships.length <= 1).map((m) => ({ id: m.table.id, title: m.table.title }));
}

/**
 * The signed-in person erases their own account, after confirming with their passphrase. A wrong
 * passphrase counts as a failed sign-in when `throttle` is given (as from the web), so an open
 * session cannot be used to guess it. Refused with LAST_FACILITATOR while they are the only
 * facilitator of a table that is not closed. Everything else happens in one transaction.
 */
export async function eraseAccount(
  db: Db,
  accountId: string,
  input: { passphrase: unknown },
  now: Date = new Date(),
  throttle?: { secret: string; ip: string | null },
): Promise<{ tables: number }> {
  const passphrase = typeof input.passphrase === "string" ? input.passphrase : "";
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: { signInName: true, passphraseHash: true, erasedAt: true },
  });
  if (!account || account.erasedAt) throw new AppError("NOT_SIGNED_IN");
  const keys = throttle ? throttleKeys(throttle.secret, account.signInName, throttle.ip) : null;
  if (keys) {
    const until = await throttledUntil(db, keys, now);
    if (until) throw new AppError("SIGN_IN_THROTTLED", { retryAt: until.toISOString() });
  }
  // Verified outside the transaction: argon2 takes tens of milliseconds.
  if (passphrase.length > PASSPHRASE_MAX || !(await verifyPassphrase(account.passphraseHash, passphrase))) {
    if (keys) await recordFailure(db, keys, now);
    throw new AppError("PASSPHRASE_WRONG", { field: "passphrase" });
  }

  return db.$transaction(async (tx) => {
    // Once more inside: two erasures at once must not both go ahead.
    const still = await tx.account.findUnique({ where: { id: accountId }, select: { erasedAt: true } });
    if (!still || still.erasedAt) throw new AppError("NOT_SIGNED_IN");
    const current = await tx.membership.findMany({
      where: { accountId, ...CURRENT_MEMBER },
      select: { id: true, tableId: true, role: true, table: { select: { status: true } } },
    });
    for (const membership of current) {
      if (membership.table.status === "closed") continue;
      // Locks the table's facilitator rows, so a facilitator leaving at the same time waits.
      const facilitators = await currentFacilitators(tx, membership.tableId);
      const problem = membershipEndProblem({ kind: "leave", self: true, targetRole: membership.role, facilitators });
      if (problem) throw new AppError(problem);
    }

    const all = await tx.membership.findMany({ where: { accountId }, select: { id: true } });
    const membershipIds = all.map((m) => m.id);
    // Payout details go at once, also those kept from tables left earlier.
    if (membershipIds.length > 0) await tx.vaultValue.deleteMany({ where: { membershipId: { in: membershipIds } } });
    for (const membership of current) {
      await tx.membership.update({ where: { id: membership.id }, data: { leftAt: now, partyContact: false, updatedAt: now } });
      // Their open live documents close at the realtime server's next tick.
      await noteAccessChange(tx, { accountId, tableId: membership.tableId });
      // No ids, role or party: the table learns that someone erased their account, not who.
      await recordAudit(tx, { action: "membership.erased", tableId: membership.tableId }, now);
    }
    // A contact mark left on an earlier membership would still name them as their party's contact.
    await tx.membership.updateMany({ where: { accountId, partyContact: true }, data: { partyContact: false, updatedAt: now } });

    await tx.consentRecord.deleteMany({ where: { accountId } });
    await tx.secondFactor.deleteMany({ where: { accountId } });
    await tx.notification.deleteMany({ where: { accountId } });
    await tx.account.update({
      where: { id: accountId },
      data: {
        signInName: erasedSignInName(),
        pseudonym: "",
        passphraseHash: ERASED_HASH,
        recoveryCodeHash: ERASED_HASH,
        locale: "nl",
        presenceEnabled: false,
        erasedAt: now,
      },
    });
    // Every browser of theirs is signed out; realtime closes their live connections.
    await endSessions(tx, { accountId }, now);
    await recordAudit(tx, { action: "account.erased" }, now);
    return { tables: current.length };
  });
}
