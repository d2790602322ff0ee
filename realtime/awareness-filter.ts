// Awareness (cursors, names) is rewritten by the server: a connection may only speak for the
// client ids it introduced, its name is always the session's pseudonym, and people whose presence
// is off announce nothing at all.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export const MAX_AWARENESS_STATE_BYTES = 4096;

export type AwarenessEntry = { clientId: number; clock: number; state: Record<string, unknown> | null };

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_AWARENESS_STATE_BYTES) {
      entries.push({ clientId, clock, state: { tooLarge: true } });
      continue;
    }
    const state = JSON.parse(json) as unknown;
    entries.push({
      clientId,
      clock,
      state: state && typeof state === "object" && !Array.isArray(state) ? (state as Record<string, unknown>) : null,
    });
  }
  return entries;
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** Keeps only a short colour string from what the client sent; everything else is the server's. */
export function rewriteState(state: Record<string, unknown>, pseudonym: string): Record<string, unknown> {
  const user = state.user && typeof state.user === "object" ? (state.user as Record<string, unknown>) : {};
  const color = typeof user.color === "string" && /^[#a-z0-9(),.% -]{1,40}$/i.test(user.color) ? user.color : "#cccccc";
  return { ...state, user: { name: pseudonym, color } };
}
