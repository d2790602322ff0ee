// Server-side export of a live document: plain text and HTML from the Yjs state, through the same
// extension list the editors use (schema.ts), so a frozen version reads exactly as it was edited.
// ProseMirror's DOMSerializer needs a DOM; the schema's toDOM specs are plain arrays, so they are
// written out as HTML strings here instead.
import { getSchema } from "@tiptap/core";
import type { DOMOutputSpec, Mark, Node as PmNode, Schema } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { NOTES_FIELD, notesExtensions } from "./schema.ts";

let cached: Schema | null = null;
function schema(): Schema {
  cached ??= getSchema(notesExtensions());
  return cached;
}

export type RenderedDoc = { text: string; html: string };

/** The document's content from its whole Yjs state (one update). */
export function renderDocState(state: Uint8Array): RenderedDoc {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(NOTES_FIELD), schema());
    return { text: plainText(root), html: htmlOf(root) };
  } finally {
    doc.destroy();
  }
}

/** Blocks on their own lines, list items marked, so a word diff lines up with what people read. */
function plainText(root: PmNode): string {
  const lines: string[] = [];
  root.descendants((node, _pos, parent) => {
    if (node.isTextblock) {
      const prefix = parent?.type.name === "listItem" ? "• " : "";
      lines.push(prefix + node.textBetween(0, node.content.size, "\n", "\n"));
      return false;
    }
    return true;
  });
  return lines.join("\n").trim();
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

// Only these attributes are written; anything else a spec carries (classes, data-*) is left out.
const SAFE_ATTRIBUTES = new Set(["href", "start", "type"]);

function attributes(attrs: Record<string, unknown>): string {
  return Object.entries(attrs)
    .filter(([name, value]) => SAFE_ATTRIBUTES.has(name) && value !== null && value !== undefined && value !== "")
    .filter(([name, value]) => name !== "href" || /^(https?:|mailto:)/i.test(String(value)))
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join("");
}

/** A toDOM spec as HTML, with `hole` where the content goes (the spec's 0). */
function specHtml(spec: DOMOutputSpec, hole: string): string {
  if (typeof spec === "string") return escapeHtml(spec);
  if (!Array.isArray(spec)) return hole;
  const [tag, ...rest] = spec as [string, ...unknown[]];
  const first = rest[0];
  const hasAttrs = first !== null && typeof first === "object" && !Array.isArray(first);
  const attrs = hasAttrs ? attributes(first as Record<string, unknown>) : "";
  const children = (hasAttrs ? rest.slice(1) : rest).map((child) => (child === 0 ? hole : specHtml(child as DOMOutputSpec, hole))).join("");
  const name = tag.replace(/^.*\s/, "");
  if (name === "br" || name === "hr") return `<${name}${attrs}>`;
  return `<${name}${attrs}>${children}</${name}>`;
}

function markHtml(mark: Mark, inner: string): string {
  const toDOM = mark.type.spec.toDOM;
  return toDOM ? specHtml(toDOM(mark, true), inner) : inner;
}

function htmlOf(node: PmNode): string {
  if (node.isText) return node.marks.reduceRight((inner, mark) => markHtml(mark, inner), escapeHtml(node.text ?? ""));
  let inner = "";
  node.forEach((child) => {
    inner += htmlOf(child);
  });
  if (node.type.name === "doc") return inner;
  const toDOM = node.type.spec.toDOM;
  return toDOM ? specHtml(toDOM(node), inner) : inner;
}
