// IBAN validation: the country's length and the ISO 13616 mod-97 checksum, in integers.
const LENGTHS: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
};

/** The IBAN without spaces, upper-cased. */
export function normaliseIban(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

export function isValidIban(text: string): boolean {
  const iban = normaliseIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const length = LENGTHS[iban.slice(0, 2)];
  if (!length || iban.length !== length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** NL91 ABNA 0417 1643 00 → "NL91 •••• •••• •• 4300": enough to recognise, not to use. */
export function maskIban(text: string): string {
  const iban = normaliseIban(text);
  return `${iban.slice(0, 4)} … ${iban.slice(-4)}`;
}
