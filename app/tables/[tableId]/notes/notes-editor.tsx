"use client";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CLOSE } from "../../../../features/docs/close-codes.ts";
import { NOTES_FIELD, notesExtensions, SCHEMA_VERSION } from "../../../../features/docs/schema.ts";
import { PresenceToggle } from "./presence-toggle.tsx";

type Status = "connecting" | "connected" | "disconnected" | "reload" | "ended";

// Close codes the realtime server uses when reconnecting would not help.
const CLOSE_RELOAD: number = CLOSE.reload;
const CLOSE_ENDED = new Set<number>([CLOSE.sessionEnded, CLOSE.noAccess]);

function colorFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360} 80% 75%)`;
}

type Props = {
  docName: string;
  serverUrl: string;
  readOnly: boolean;
  presence: { name: string } | null;
  /** For a page with several live documents: each editor's own accessible name and test ids. */
  label?: string;
  testId?: string;
  /** The presence switch is the person's, shown once per page. */
  presenceToggle?: boolean;
};

export function NotesEditor(props: Props) {
  const [session, setSession] = useState<{ doc: Y.Doc; provider: WebsocketProvider } | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(props.serverUrl, props.docName, doc, {
      params: { schema: String(SCHEMA_VERSION) },
      disableBc: true,
    });
    // Presence is opt-in: without it this browser announces nothing about its person.
    if (!props.presence) provider.awareness.setLocalState(null);
    setSession({ doc, provider });
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [props.serverUrl, props.docName, props.presence]);

  if (!session) return <LoadingNotice />;
  return <CollaborativeEditor {...props} doc={session.doc} provider={session.provider} />;
}

function LoadingNotice() {
  const t = useTranslations("notes");
  return (
    <p className="status" role="status">
      {t("loading")}
    </p>
  );
}

function CollaborativeEditor({
  doc,
  provider,
  readOnly,
  presence,
  label,
  testId = "notes-editor",
  presenceToggle = true,
}: Props & { doc: Y.Doc; provider: WebsocketProvider }) {
  const t = useTranslations("notes");
  const statusTestId = testId === "notes-editor" ? "connection-status" : `${testId}-status`;
  const [status, setStatus] = useState<Status>("connecting");
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    const onStatus = ({ status: next }: { status: "connecting" | "connected" | "disconnected" }) =>
      setStatus((current) => (current === "reload" || current === "ended" ? current : next));
    const onSync = (isSynced: boolean) => isSynced && setSynced(true);
    const onClose = (event: CloseEvent | null) => {
      if (!event) return;
      if (event.code === CLOSE_RELOAD || CLOSE_ENDED.has(event.code)) {
        provider.shouldConnect = false;
        setStatus(event.code === CLOSE_RELOAD ? "reload" : "ended");
      }
    };
    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("connection-close", onClose);
    if (provider.wsconnected) setStatus("connected");
    if (provider.synced) setSynced(true);
    return () => {
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("connection-close", onClose);
    };
  }, [provider]);

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        ...notesExtensions(),
        Collaboration.configure({ document: doc, field: NOTES_FIELD }),
        ...(presence ? [CollaborationCaret.configure({ provider, user: { name: presence.name, color: colorFor(presence.name) } })] : []),
      ],
      editorProps: {
        attributes: {
          "aria-label": label ?? t("editorLabel"),
          "aria-multiline": "true",
          role: "textbox",
          "aria-readonly": readOnly ? "true" : "false",
          "data-testid": testId,
        },
      },
    },
    [doc, provider, readOnly, presence?.name, label, testId],
  );

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <p
          className="status"
          role="status"
          data-testid={statusTestId}
          data-status={status}
          data-synced={synced}
          data-presence={presence ? "on" : "off"}
        >
          {synced || status !== "connected" ? t(`status.${status}`) : t("loading")}
        </p>
        {presenceToggle && <PresenceToggle enabled={Boolean(presence)} />}
      </div>
      <div className="editor-shell" aria-busy={!synced}>
        {!readOnly && editor && <Toolbar editor={editor} />}
        <div className="editor-content">
          <EditorContent editor={editor} />
        </div>
      </div>
    </div>
  );
}

function Toolbar({ editor }: { editor: NonNullable<ReturnType<typeof useEditor>> }) {
  const t = useTranslations("notes.toolbar");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
    }),
  });
  const buttons = [
    { key: "bold", label: t("bold"), active: state.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: "italic", label: t("italic"), active: state.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { key: "h2", label: t("heading"), active: state.h2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
    { key: "bullet", label: t("bulletList"), active: state.bullet, run: () => editor.chain().focus().toggleBulletList().run() },
    {
      key: "ordered",
      label: t("orderedList"),
      active: state.ordered,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
  ];
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t("label")}>
      {buttons.map((button) => (
        <button key={button.key} type="button" aria-pressed={button.active} onClick={button.run}>
          {button.label}
        </button>
      ))}
    </div>
  );
}
