// Writing content into a live document on the server (demo data, starter texts, tests): through
// the shared schema, as an ordinary stored update, so editors load it like anything typed. Never
// pass `content` to a collaborative editor instead: every browser would add it again.
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { NOTES_FIELD, notesExtensions } from "./schema.ts";

export type ProseMirrorJson = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorJson[];
  text?: string;
  marks?: { type: string }[];
};

/** A document of plain paragraphs. */
export function paragraphs(texts: readonly string[]): ProseMirrorJson {
  return { type: "doc", content: texts.map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })) };
}

/**
 * The update that turns the document stored as `base` (null: empty) into `content`, changing
 * only what differs, so earlier edits keep their identity.
 */
export function contentUpdate(base: Uint8Array | null, content: ProseMirrorJson): Uint8Array {
  const doc = new Y.Doc();
  try {
    if (base) Y.applyUpdate(doc, base);
    const before = Y.encodeStateVector(doc);
    prosemirrorJSONToYXmlFragment(getSchema(notesExtensions()), content, doc.getXmlFragment(NOTES_FIELD));
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
