// Sealing identity data with AES-256-GCM. Each value carries the id of the key that sealed it, so a
// key can be rotated: the current key seals, older keys (TAFEL_VAULT_OLD_KEYS) still open. The
// row's own membership and field are bound in as associated data, so a sealed value copied onto
// someone else's row does not open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export type VaultKey = { id: string; key: Buffer };
export type Keyring = { current: VaultKey; all: Map<string, VaultKey> };

/** A key written as base64 or base64url of 32 bytes; its id is a short fingerprint of it. */
export function parseVaultKey(text: string): VaultKey {
  const key = Buffer.from(text.trim(), "base64url");
  if (key.length !== 32) throw new Error("TAFEL_VAULT_KEY must be 32 bytes, written as base64 (e.g. `openssl rand -base64 32`)");
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 12), key };
}

export function keyringFrom(current: string, older = ""): Keyring {
  const keys = [current, ...older.split(",").filter((k) => k.trim())].map(parseVaultKey);
  return { current: keys[0] as VaultKey, all: new Map(keys.map((k) => [k.id, k])) };
}

/** The keyring of this process, from the environment; a clear error when the key is missing. */
export function keyringFromEnv(env: Record<string, string | undefined> = process.env): Keyring {
  const key = env.TAFEL_VAULT_KEY;
  if (!key) throw new Error("TAFEL_VAULT_KEY is not set: the identity vault cannot be used");
  return keyringFrom(key, env.TAFEL_VAULT_OLD_KEYS ?? "");
}

export function newVaultKey(): string {
  return randomBytes(32).toString("base64url");
}

export function seal(keyring: Keyring, plaintext: string, context: string): { keyId: string; sealed: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
  return { keyId: keyring.current.id, sealed: parts.join(".") };
}

/** The plaintext, or an error when the key is unknown or the value was tampered with. */
export function open(keyring: Keyring, value: { keyId: string; sealed: string }, context: string): string {
  const key = keyring.all.get(value.keyId);
  if (!key) throw new Error(`vault key ${value.keyId} is not configured`);
  const [iv, tag, body] = value.sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) throw new Error("sealed value is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key.key, iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}
