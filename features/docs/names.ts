// Every live document has a stable name that maps to exactly one owning record and one rule.
import { isUuid } from "../identity/sessions.ts";

export const DOC_KINDS = ["notes"] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export type DocRef = { kind: "notes"; tableId: string };

export function parseDocName(name: string): DocRef | null {
  const match = /^([a-z]+):([0-9a-f-]{36})$/.exec(name);
  if (!match) return null;
  const [, kind, id] = match;
  if (kind === "notes" && id && isUuid(id)) return { kind: "notes", tableId: id };
  return null;
}

export function docName(ref: DocRef): string {
  return `${ref.kind}:${ref.tableId}`;
}
