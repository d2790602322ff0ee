import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidIban, maskIban } from "./iban.ts";
import { keyringFrom, keyringFromEnv, newVaultKey, open, seal } from "./vault-crypto.ts";

const ring = keyringFrom(newVaultKey());

describe("the vault's sealing", () => {
  it("opens what it sealed, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const value = seal(ring, text, "m1:iban");
        expect(value.keyId).toBe(ring.current.id);
        expect(value.sealed).not.toContain(text.length > 3 ? text : "\u0000");
        expect(open(ring, value, "m1:iban")).toBe(text);
      }),
      { numRuns: 50 },
    );
  });

  it("refuses a tampered value, another row's context and an unknown key", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.nat(), (text, position) => {
        const value = seal(ring, text, "m1:iban");
        const bytes = value.sealed.split(".");
        const part = position % 3;
        const raw = Buffer.from(bytes[part] as string, "base64url");
        raw[position % raw.length] ^= 1;
        bytes[part] = raw.toString("base64url");
        expect(() => open(ring, { ...value, sealed: bytes.join(".") }, "m1:iban")).toThrow();
      }),
      { numRuns: 50 },
    );
    const value = seal(ring, "NL91ABNA0417164300", "m1:iban");
    expect(() => open(ring, value, "m2:iban")).toThrow();
    expect(() => open(keyringFrom(newVaultKey()), value, "m1:iban")).toThrow(/not configured/);
  });

  it("keeps opening values of an older key after rotation", () => {
    const old = newVaultKey();
    const value = seal(keyringFrom(old), "Jane Doe", "m1:legal_name");
    const rotated = keyringFrom(newVaultKey(), old);
    expect(open(rotated, value, "m1:legal_name")).toBe("Jane Doe");
    expect(seal(rotated, "x", "c").keyId).not.toBe(value.keyId);
  });

  it("says clearly when the key is missing or malformed", () => {
    expect(() => keyringFromEnv({})).toThrow(/TAFEL_VAULT_KEY is not set/);
    expect(() => keyringFromEnv({ TAFEL_VAULT_KEY: "short" })).toThrow(/32 bytes/);
  });
});

describe("IBAN checks", () => {
  it("accepts valid IBANs with or without spaces", () => {
    expect(isValidIban("NL91 ABNA 0417 1643 00")).toBe(true);
    expect(isValidIban("nl91abna0417164300")).toBe(true);
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("BE68539007547034")).toBe(true);
  });
  it("refuses a wrong checksum, length or country", () => {
    expect(isValidIban("NL92ABNA0417164300")).toBe(false);
    expect(isValidIban("NL91ABNA041716430")).toBe(false);
    expect(isValidIban("XX91ABNA0417164300")).toBe(false);
    expect(isValidIban("")).toBe(false);
  });
  it("masks an IBAN for display", () => {
    expect(maskIban("NL91 ABNA 0417 1643 00")).toBe("NL91 … 4300");
  });
});
