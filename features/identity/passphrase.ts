import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hash, verify } from "@node-rs/argon2";
import type { ErrorCode } from "../shared/app-error.ts";
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from "./model.ts";

let common: Set<string> | undefined;

function commonPassphrases(): Set<string> {
  if (!common) {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "common-passphrases.txt");
    const lines = readFileSync(/*turbopackIgnore: true*/ file, "utf8").split("\n");
    common = new Set(lines.filter((line) => line && !line.startsWith("#")));
  }
  return common;
}

/** Returns why a passphrase is refused, or null when it is acceptable. */
export function passphraseProblem(passphrase: string): ErrorCode | null {
  if ([...passphrase].length < PASSPHRASE_MIN) return "PASSPHRASE_TOO_SHORT";
  if (passphrase.length > PASSPHRASE_MAX) return "PASSPHRASE_TOO_LONG";
  const lower = passphrase.toLowerCase();
  // "password2024!" is as weak as "password": compare without trailing digits and punctuation too.
  const stem = lower.replace(/[\d\W_]+$/u, "");
  const list = commonPassphrases();
  if (list.has(lower) || (stem.length > 0 && list.has(stem)) || /^(.)\1+$/u.test(lower)) return "PASSPHRASE_COMMON";
  return null;
}

export function commonPassphraseCount(): number {
  return commonPassphrases().size;
}

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1), the OWASP minimum.
export function hashPassphrase(passphrase: string): Promise<string> {
  return hash(passphrase);
}

export async function verifyPassphrase(passphraseHash: string, passphrase: string): Promise<boolean> {
  try {
    return await verify(passphraseHash, passphrase);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when no account matches, so timing does not reveal which names exist. */
export function dummyPassphraseHash(): Promise<string> {
  dummyHash ??= hash("tafel-no-such-account-placeholder");
  return dummyHash;
}
