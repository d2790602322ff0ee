// Every live document has a stable name that maps to exactly one owning record and one rule:
// notes:<tableId> and problem:<tableId> belong to the table, perspective:<tableId>:<partyId> to
// one party at it, minutes:<tableId>:<meetingId> to one meeting of it, measure:<tableId>:<measureId>
// to one measure it drafts. The table is part of
// every name so access can be checked per table.
import { isUuid } from "../identity/sessions.ts";

export const DOC_KINDS = ["notes", "problem", "perspective", "minutes", "measure"] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export type DocRef =
  | { kind: "notes"; tableId: string }
  | { kind: "problem"; tableId: string }
  | { kind: "perspective"; tableId: string; partyId: string }
  | { kind: "minutes"; tableId: string; meetingId: string }
  | { kind: "measure"; tableId: string; measureId: string };

const UUID = "[0-9a-f-]{36}";
const NAME = new RegExp(`^([a-z]+):(${UUID})(?::(${UUID}))?$`);

export function parseDocName(name: string): DocRef | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, kind, tableId, partyId] = match;
  if (!tableId || !isUuid(tableId)) return null;
  if ((kind === "notes" || kind === "problem") && partyId === undefined) return { kind, tableId };
  if (kind === "perspective" && partyId && isUuid(partyId)) return { kind, tableId, partyId };
  if (kind === "minutes" && partyId && isUuid(partyId)) return { kind, tableId, meetingId: partyId };
  if (kind === "measure" && partyId && isUuid(partyId)) return { kind, tableId, measureId: partyId };
  return null;
}

export function docName(ref: DocRef): string {
  if (ref.kind === "minutes") return `${ref.kind}:${ref.tableId}:${ref.meetingId}`;
  if (ref.kind === "measure") return `${ref.kind}:${ref.tableId}:${ref.measureId}`;
  return ref.kind === "perspective" ? `${ref.kind}:${ref.tableId}:${ref.partyId}` : `${ref.kind}:${ref.tableId}`;
}
