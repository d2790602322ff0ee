// Frozen versions of a live document. The server takes a version from the stored Yjs state (the
// snapshot and the updates after it), never from a client. Realtime writes every update before
// it relays it, so what is stored is exactly what anyone else has seen: an edit still on its way
// to storage reached nobody yet and belongs to the next version. Versions are immutable (a
// database trigger refuses UPDATE and DELETE).
import { createHash } from "node:crypto";
import { diffWordsWithSpace } from "diff";
import * as Y from "yjs";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/db.ts";
import { recordAudit } from "../audit/record.ts";
import { auditActor } from "../facts/records.ts";
import { isUuid } from "../identity/sessions.ts";
import { authorizeMeasure } from "../measures/access.ts";
import type { MeasureAction } from "../measures/policy.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import type { MeetingAction } from "../meetings/policy.ts";
import { AppError } from "../shared/app-error.ts";
import type { TableAction } from "../tables/policy.ts";
import { authorize, type MemberContext } from "../tables/queries.ts";
import { type DocRef, docName } from "./names.ts";
import { renderDocState } from "./render.ts";
import { loadStoredDoc } from "./store.ts";

type Authorizer = (db: Db, accountId: string, tableId: string) => Promise<MemberContext>;
const byTable =
  (action: TableAction): Authorizer =>
  (db, accountId, tableId) =>
    authorize(db, accountId, tableId, action);
// Minutes follow the meetings policy: the process roles freeze them, everyone at the table reads.
const byMeetings =
  (action: MeetingAction): Authorizer =>
  (db, accountId, tableId) =>
    authorizeMeeting(db, accountId, tableId, action);

// Measures follow the measures policy: drafters freeze versions, everyone at the table reads.
const byMeasures =
  (action: MeasureAction): Authorizer =>
  (db, accountId, tableId) =>
    authorizeMeasure(db, accountId, tableId, action);

/** Kinds of document that are frozen into versions, with the checks that read and freeze them. */
const VERSIONED: Partial<Record<DocRef["kind"], { read: Authorizer; freeze: Authorizer }>> = {
  problem: { read: byTable("problem.read"), freeze: byTable("problem.freeze") },
  minutes: { read: byMeetings("meetings.view"), freeze: byMeetings("meetings.minutes.freeze") },
  measure: { read: byMeasures("measures.view"), freeze: byMeasures("measures.freeze") },
};

function rulesFor(ref: DocRef) {
  const rules = VERSIONED[ref.kind];
  if (!rules) throw new AppError("NOT_FOUND");
  return rules;
}

/** The whole stored document as one canonical update, skipping rows that cannot be applied. */
export async function storedState(db: Db, name: string): Promise<Uint8Array> {
  const stored = await loadStoredDoc(db, name);
  const doc = new Y.Doc();
  try {
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(doc, update);
      } catch {
        // A damaged row is skipped here as realtime skips it on load.
      }
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Freezes the stored state of a document as its next numbered version. */
export async function freezeVersion(db: Db, accountId: string, ref: DocRef, now = new Date()) {
  const member = await rulesFor(ref).freeze(db, accountId, ref.tableId);
  const name = docName(ref);
  // Read and rendered outside the transaction, which stays short.
  const state = await storedState(db, name);
  const { text, html } = renderDocState(state);
  if (text.trim() === "") throw new AppError("VERSION_EMPTY");
  const hash = sha256(state);
  try {
    return await db.$transaction(async (tx) => {
      const latest = await tx.docVersion.findFirst({
        where: { docName: name },
        orderBy: { number: "desc" },
        select: { number: true, html: true },
      });
      // The same content again would be a version nobody can tell apart.
      if (latest && latest.html === html) throw new AppError("VERSION_UNCHANGED", { number: latest.number });
      const number = (latest?.number ?? 0) + 1;
      const version = await tx.docVersion.create({
        data: {
          tableId: ref.tableId,
          docName: name,
          number,
          state: new Uint8Array(state),
          text,
          html,
          sha256: hash,
          frozenBy: member.id,
          createdAt: now,
        },
        select: { id: true, number: true },
      });
      await recordAudit(
        tx,
        { action: "doc.version_frozen", tableId: ref.tableId, data: { ...auditActor(member), doc: ref.kind, version: number } },
        now,
      );
      return version;
    });
  } catch (error) {
    // Two people froze at the same moment: the other one got this number.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CHANGED_MEANWHILE");
    throw error;
  }
}

export type VersionSummary = { id: string; number: number; sha256: string; createdAt: Date; frozenBy: string };

/** For callers that have already authorised the reader. Newest first. */
export async function versionsOf(db: Db, name: string): Promise<VersionSummary[]> {
  return db.docVersion.findMany({
    where: { docName: name },
    orderBy: { number: "desc" },
    select: { id: true, number: true, sha256: true, createdAt: true, frozenBy: true },
  });
}

export async function listVersions(db: Db, accountId: string, ref: DocRef) {
  await rulesFor(ref).read(db, accountId, ref.tableId);
  return versionsOf(db, docName(ref));
}

/** One version with its content, for a member who may read the document. */
export async function readVersion(db: Db, accountId: string, ref: DocRef, number: number) {
  await rulesFor(ref).read(db, accountId, ref.tableId);
  if (!Number.isInteger(number) || number < 1) throw new AppError("NOT_FOUND");
  const version = await db.docVersion.findUnique({
    where: { docName_number: { docName: docName(ref), number } },
    select: { id: true, number: true, text: true, html: true, sha256: true, createdAt: true, frozenBy: true },
  });
  if (!version) throw new AppError("NOT_FOUND");
  return version;
}

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** A word-level comparison of two texts, in reading order. */
export function wordDiff(before: string, after: string): DiffPart[] {
  // Whitespace counts as tokens too, so each side reads back exactly as it was written.
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

/** Compares two versions of a document, for a member who may read it. */
export async function compareVersions(db: Db, accountId: string, ref: DocRef, from: number, to: number) {
  const before = await readVersion(db, accountId, ref, from);
  const after = await readVersion(db, accountId, ref, to);
  return { from: before, to: after, parts: wordDiff(before.text, after.text) };
}

/** A version id of this table, or not-found (also for other tables' ids, so they cannot be probed). */
export async function findVersion(db: Db | Prisma.TransactionClient, tableId: string, versionId: string) {
  if (!isUuid(versionId)) throw new AppError("NOT_FOUND");
  const version = await db.docVersion.findFirst({ where: { id: versionId, tableId }, select: { id: true, docName: true, number: true } });
  if (!version) throw new AppError("NOT_FOUND");
  return version;
}
