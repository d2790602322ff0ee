// One live document: loaded from storage before anyone is answered, written before relayed
// (through the shared group writer), compacted now and then, and kept in step with other nodes.
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { compactDoc, loadStoredDoc } from "../features/docs/store.ts";
import type { Db } from "../prisma/db.ts";
import type { GroupWriter, Pending, Writable } from "./writer.ts";

export type RoomHooks<C> = {
  /** Called after a batch is stored, once per update, to relay it to everyone but its sender. */
  relay: (update: Uint8Array, from: C | null) => void;
  /** Called after a batch is stored, with the merged update, e.g. to publish it to other nodes. */
  stored?: (merged: Uint8Array) => void;
  /** Called when storing failed: the room is gone and its connections must re-sync from storage. */
  failed: (error: unknown) => void;
  log: (line: string) => void;
};

export type RoomOptions = { compactAfter: number; maxDocBytes: number };

export class Room<C> implements Writable<C> {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  readonly connections = new Set<C>();
  readonly loaded: Promise<void>;
  /** Roughly how many bytes the stored document takes: what was loaded plus what was appended. */
  storedBytes = 0;
  private tailCount = 0;
  private broken = false;
  private compacting = false;
  private inWriter = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly name: string,
    private readonly db: Db,
    private readonly writer: GroupWriter<C>,
    private readonly hooks: RoomHooks<C>,
    private readonly options: RoomOptions,
  ) {
    this.awareness = new Awareness(this.doc);
    // The server is not a participant: it announces no presence of its own.
    this.awareness.setLocalState(null);
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    const stored = await loadStoredDoc(this.db, this.name);
    const [snapshot, ...tail] = stored.updates;
    if (snapshot) this.applyStored(snapshot);
    if (tail.length > 1) {
      // One transaction for the whole tail is much cheaper than one per row.
      try {
        for (const update of tail) Y.decodeUpdate(update);
        Y.applyUpdate(this.doc, Y.mergeUpdates(tail), "storage");
      } catch {
        for (const update of tail) this.applyStored(update);
      }
    } else if (tail[0]) this.applyStored(tail[0]);
    this.tailCount = stored.tailCount;
    this.storedBytes = stored.bytes;
  }

  private applyStored(update: Uint8Array): void {
    try {
      Y.decodeUpdate(update);
      Y.applyUpdate(this.doc, update, "storage");
    } catch {
      // One damaged row must not make the whole document unusable.
      this.hooks.log(`skipped a stored update of ${this.name} that cannot be applied`);
    }
  }

  get isBroken(): boolean {
    return this.broken;
  }

  /** Queues an accepted update for storage; it is relayed only after it is committed. */
  enqueue(update: Uint8Array, from: C): void {
    if (this.broken) return;
    this.inWriter += 1;
    this.writer.enqueue(this, update, from);
  }

  committed(merged: Uint8Array, items: Pending<C>[], bytes: number): void {
    this.inWriter -= items.length;
    if (!this.broken) {
      Y.applyUpdate(this.doc, merged, "storage");
      for (const item of items) this.hooks.relay(item.update, item.from);
      this.hooks.stored?.(merged);
      this.storedBytes += bytes;
      this.tailCount += 1;
      if (this.tailCount >= this.options.compactAfter && !this.compacting) void this.compact();
    }
    this.wakeIfIdle();
  }

  failed(error: unknown): void {
    this.inWriter = 0;
    if (!this.broken) {
      this.broken = true;
      this.writer.forget(this);
      this.hooks.failed(error);
    }
    this.wakeIfIdle();
  }

  /** An update another node stored and published: apply it and pass it on here. */
  applyRemote(update: Uint8Array): void {
    if (this.broken) return;
    try {
      Y.applyUpdate(this.doc, update, "remote");
    } catch {
      this.hooks.log(`ignored an update of ${this.name} from another node that cannot be applied`);
      return;
    }
    this.hooks.relay(update, null);
  }

  /** Applies and passes on whatever storage holds that this room has not seen (other nodes' writes). */
  async catchUp(): Promise<void> {
    const stored = await loadStoredDoc(this.db, this.name);
    if (this.broken || stored.updates.length === 0) return;
    const missing = Y.diffUpdate(Y.mergeUpdates(stored.updates), Y.encodeStateVector(this.doc));
    if (!isEmptyUpdate(missing)) this.applyRemote(missing);
  }

  private async compact(): Promise<void> {
    this.compacting = true;
    try {
      await compactDoc(this.db, this.name, this.hooks.log);
      this.tailCount = 0;
      this.storedBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    } catch (error) {
      // Compaction is an optimisation; the updates are safe in the tail.
      this.hooks.log(`compaction of ${this.name} failed: ${String(error)}`);
    } finally {
      this.compacting = false;
      this.wakeIfIdle();
    }
  }

  /** Whether the document may grow by `bytes` more. */
  hasRoomFor(bytes: number): boolean {
    return this.storedBytes + bytes <= this.options.maxDocBytes;
  }

  private wakeIfIdle(): void {
    if (this.inWriter > 0 || this.compacting) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves once everything queued so far is stored (or the room broke). */
  flushed(): Promise<void> {
    if (this.inWriter <= 0 && !this.compacting) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
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
