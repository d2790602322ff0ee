// One live document: loaded from storage before anyone is answered, and written before relayed.
// Only one database write is in flight; updates that arrive meanwhile are merged into the next.
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { appendUpdate, compactDoc, loadStoredDoc } from "../features/docs/store.ts";
import type { Db } from "../prisma/db.ts";

export type Pending<C> = { update: Uint8Array; from: C };

export type RoomHooks<C> = {
  /** Called after a batch is stored, once per update, to relay it to everyone but its sender. */
  relay: (update: Uint8Array, from: C) => void;
  /** Called when storing failed: the room is gone and its connections must re-sync from storage. */
  failed: (error: unknown) => void;
  log: (line: string) => void;
};

export class Room<C> {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  readonly connections = new Set<C>();
  readonly loaded: Promise<void>;
  private pending: Pending<C>[] = [];
  private writing: Promise<void> | null = null;
  private tailCount = 0;
  private broken = false;

  constructor(
    readonly name: string,
    private readonly db: Db,
    private readonly hooks: RoomHooks<C>,
    private readonly compactAfter: number,
  ) {
    this.awareness = new Awareness(this.doc);
    // The server is not a participant: it announces no presence of its own.
    this.awareness.setLocalState(null);
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    const stored = await loadStoredDoc(this.db, this.name);
    for (const update of stored.updates) {
      try {
        Y.decodeUpdate(update);
        Y.applyUpdate(this.doc, update, "storage");
      } catch {
        // One damaged row must not make the whole document unusable.
        this.hooks.log(`skipped a stored update of ${this.name} that cannot be applied`);
      }
    }
    this.tailCount = stored.tailCount;
  }

  get isBroken(): boolean {
    return this.broken;
  }

  /** Queues an accepted update for storage; it is relayed only after it is committed. */
  enqueue(update: Uint8Array, from: C): void {
    if (this.broken) return;
    this.pending.push({ update, from });
    if (!this.writing) this.writing = this.drain().finally(() => (this.writing = null));
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.broken) {
      const batch = this.pending;
      this.pending = [];
      const merged = batch.length === 1 ? (batch[0] as Pending<C>).update : Y.mergeUpdates(batch.map((item) => item.update));
      try {
        await appendUpdate(this.db, this.name, merged);
      } catch (error) {
        this.broken = true;
        this.pending = [];
        this.hooks.failed(error);
        return;
      }
      Y.applyUpdate(this.doc, merged, "storage");
      for (const item of batch) this.hooks.relay(item.update, item.from);
      this.tailCount += 1;
      if (this.tailCount >= this.compactAfter) {
        try {
          await compactDoc(this.db, this.name, this.hooks.log);
          this.tailCount = 0;
        } catch (error) {
          // Compaction is an optimisation; the updates are safe in the tail.
          this.hooks.log(`compaction of ${this.name} failed: ${String(error)}`);
        }
      }
    }
  }

  /** Resolves once everything queued so far is stored (or the room broke). */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export function isEmptyUpdate(update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}
