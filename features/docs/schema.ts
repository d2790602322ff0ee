// One extension list per kind of document, shared by every editor and by server-side export.
// y-prosemirror deletes content that does not fit a client's schema, and that delete replicates:
// change this list only by adding, and bump SCHEMA_VERSION so realtime refuses stale clients.
import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

export const SCHEMA_VERSION = 1;

/** The Yjs XML fragment the editor binds to. */
export const NOTES_FIELD = "default";

export function notesExtensions(): Extensions {
  return [
    StarterKit.configure({
      // Undo comes from Yjs, so it only undoes the person's own edits.
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
    }),
  ];
}
