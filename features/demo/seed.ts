// Demo data: the fictional Gemeente Lindendam and its "Tafel APV thuiswerk". Loaded only into an
// empty embedded database or when asked explicitly, so demo logins never appear by accident.
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { Db } from "../../prisma/db.ts";
import { docName } from "../docs/names.ts";
import { NOTES_FIELD, notesExtensions } from "../docs/schema.ts";
import { appendUpdate } from "../docs/store.ts";
import { createAccount } from "../identity/accounts.ts";
import { createTable } from "../tables/commands.ts";
import type { Role } from "../tables/model.ts";

export const DEMO_PASSPHRASE = "lindendam demo tafel";

export const DEMO_PEOPLE: { signInName: string; pseudonym: string; role: Role; note: string }[] = [
  { signInName: "noor", pseudonym: "Noor Hamdan", role: "facilitator", note: "facilitator" },
  { signInName: "lotte", pseudonym: "Lotte Brink", role: "chair", note: "independent chair" },
  { signInName: "saffier", pseudonym: "Saffier", role: "delegate", note: "delegate, Stichting Rode Lantaarn Lindendam" },
  { signInName: "ilse", pseudonym: "Ilse Verhoef", role: "delegate", note: "delegate, Gemeente Lindendam" },
  { signInName: "sanne", pseudonym: "Sanne de Vries", role: "treasurer", note: "treasurer" },
  { signInName: "bram", pseudonym: "Bram Koster", role: "observer", note: "observer, Politie Lindendam-Centrum" },
];

export const DEMO_TABLE_TITLE = "Tafel APV thuiswerk";

export async function hasDemoData(db: Db): Promise<boolean> {
  return (await db.account.count({ where: { signInName: { in: DEMO_PEOPLE.map((p) => p.signInName) } } })) > 0;
}

export async function seedDemo(db: Db, now: Date = new Date()): Promise<{ tableId: string }> {
  const accounts = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const account = await createAccount(db, {
      signInName: person.signInName,
      pseudonym: person.pseudonym,
      passphrase: DEMO_PASSPHRASE,
      passphraseRepeat: DEMO_PASSPHRASE,
    });
    accounts.set(person.signInName, account.id);
  }
  const accountOf = (signInName: string) => {
    const id = accounts.get(signInName);
    if (!id) throw new Error(`demo account ${signInName} missing`);
    return id;
  };
  const table = await createTable(db, accountOf("noor"), { title: DEMO_TABLE_TITLE }, now);
  for (const person of DEMO_PEOPLE.slice(1)) {
    await db.membership.create({
      data: { tableId: table.id, accountId: accountOf(person.signInName), role: person.role, createdAt: now },
    });
  }
  await appendUpdate(db, docName({ kind: "notes", tableId: table.id }), demoNotes());
  return { tableId: table.id };
}

function demoNotes(): Uint8Array {
  const schema = getSchema(notesExtensions());
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Werkafspraken" }] },
        {
          type: "bulletList",
          content: [
            item("We spreken elkaar aan met de naam die iemand zelf kiest; werknamen zijn welkom."),
            item("Wat hier gedeeld wordt, gaat niet naar handhaving."),
            item("Besluiten nemen we met steun van allen of de meesten; afwijkende standpunten blijven zichtbaar."),
          ],
        },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Vraag voor de eerste bijeenkomst" }] },
        {
          type: "paragraph",
          content: [{ type: "text", text: "Is thuiswerk een probleem? Zo ja, wat is dan precies het probleem, en voor wie?" }],
        },
      ],
    },
    doc.getXmlFragment(NOTES_FIELD),
  );
  return Y.encodeStateAsUpdate(doc);
}

function item(text: string) {
  return { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}
