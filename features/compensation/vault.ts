// The identity vault: legal name, address and IBAN for a payout to the person, sealed apart from
// the pseudonym. The member sees and deletes their own; only the table's treasurer reads others',
// and every such read is audited. The chair and the facilitator never read it.
import type { VaultField } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../shared/app-error.ts";
import { parseInput } from "../shared/validation.ts";
import { authorizeCompensation } from "./access.ts";
import { isValidIban, normaliseIban } from "./iban.ts";
import { VAULT_FIELDS, vaultInputSchema } from "./model.ts";
import { type Keyring, keyringFromEnv, open, seal } from "./vault-crypto.ts";

export type VaultData = Partial<Record<VaultField, string>>;
const context = (membershipId: string, field: VaultField) => `${membershipId}:${field}`;

function keyring(given?: Keyring): Keyring {
  try {
    return given ?? keyringFromEnv();
  } catch {
    throw new AppError("VAULT_UNAVAILABLE");
  }
}

async function readVault(db: Db, membershipId: string, ring: Keyring): Promise<VaultData> {
  const rows = await db.vaultValue.findMany({ where: { membershipId } });
  return Object.fromEntries(rows.map((row) => [row.field, open(ring, row, context(membershipId, row.field))]));
}

/** Stores the member's own payout details; empty fields are removed. */
export async function saveOwnVault(db: Db, accountId: string, tableId: string, input: unknown, ring?: Keyring, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.own");
  const data = parseInput(vaultInputSchema, input);
  if (data.iban && !isValidIban(data.iban)) throw new AppError("IBAN_INVALID", { field: "iban" });
  const values = { ...data, iban: data.iban ? normaliseIban(data.iban) : "" };
  const keys = keyring(ring);
  await db.$transaction(async (tx) => {
    for (const field of VAULT_FIELDS) {
      const where = { membershipId_field: { membershipId: member.id, field } };
      if (!values[field]) {
        await tx.vaultValue.deleteMany({ where: { membershipId: member.id, field } });
        continue;
      }
      const sealed = seal(keys, values[field], context(member.id, field));
      await tx.vaultValue.upsert({ where, create: { membershipId: member.id, field, ...sealed, createdAt: now }, update: sealed });
    }
    await recordAudit(tx, { action: "compensation.vault_saved", tableId, data: { recordedBy: member.id } }, now);
  });
}

export async function readOwnVault(db: Db, accountId: string, tableId: string, ring?: Keyring): Promise<VaultData> {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.own");
  return readVault(db, member.id, keyring(ring));
}

/** Erases the member's own payout details at once; nothing of them is kept. */
export async function deleteOwnVault(db: Db, accountId: string, tableId: string, now = new Date()) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.own");
  await db.$transaction(async (tx) => {
    await tx.vaultValue.deleteMany({ where: { membershipId: member.id } });
    await recordAudit(tx, { action: "compensation.vault_deleted", tableId, data: { recordedBy: member.id } }, now);
  });
}

/** The treasurer reads a member's payout details; the read is recorded before anything is shown. */
export async function readVaultAsTreasurer(
  db: Db,
  accountId: string,
  tableId: string,
  membershipIds: string[],
  ring?: Keyring,
  now = new Date(),
) {
  const member = await authorizeCompensation(db, accountId, tableId, "compensation.vault");
  const own = await db.membership.findMany({ where: { tableId, id: { in: membershipIds } }, select: { id: true } });
  const keys = keyring(ring);
  await db.$transaction(async (tx) => {
    for (const holder of own)
      await recordAudit(tx, { action: "compensation.vault_viewed", tableId, data: { recordedBy: member.id, holder: holder.id } }, now);
  });
  const result = new Map<string, VaultData>();
  for (const holder of own) result.set(holder.id, await readVault(db, holder.id, keys));
  return result;
}
