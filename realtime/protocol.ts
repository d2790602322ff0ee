// The stock y-websocket wire protocol: every message starts with its type.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export { CLOSE } from "../features/docs/close-codes.ts";

export type ClientMessage =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "write"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" }
  | { kind: "auth" };

/** Parses one message from a client. Throws on anything malformed. */
export function parseClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let message: ClientMessage;
  switch (type) {
    case MESSAGE_SYNC: {
      const sub = decoding.readVarUint(decoder);
      if (sub === syncProtocol.messageYjsSyncStep1) message = { kind: "sync-step1", stateVector: decoding.readVarUint8Array(decoder) };
      else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate)
        message = { kind: "write", update: decoding.readVarUint8Array(decoder) };
      else throw new Error(`unknown sync message ${sub}`);
      break;
    }
    case MESSAGE_AWARENESS:
      message = { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
      break;
    case MESSAGE_QUERY_AWARENESS:
      message = { kind: "query-awareness" };
      break;
    case MESSAGE_AUTH:
      message = { kind: "auth" };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  return message;
}

/** A message of a type followed by an optional sync sub-type and one binary payload. */
function frame(type: number, subType: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (subType !== null) encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const syncStep1Message = (stateVector: Uint8Array) => frame(MESSAGE_SYNC, syncProtocol.messageYjsSyncStep1, stateVector);
export const syncStep2Message = (update: Uint8Array) => frame(MESSAGE_SYNC, syncProtocol.messageYjsSyncStep2, update);
export const updateMessage = (update: Uint8Array) => frame(MESSAGE_SYNC, syncProtocol.messageYjsUpdate, update);
export const awarenessMessage = (update: Uint8Array) => frame(MESSAGE_AWARENESS, null, update);

export function permissionDeniedMessage(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
