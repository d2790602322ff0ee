// One live document: loaded from storage before anyone is answered, written before relayed
// (through the shared group writer), compacted now and then, and kept in step with other nodes.
// A document nobody is writing to is held as its encoded state only: loading answers the first
// sync straight from the stored bytes, a Y.Doc is built when the first write arrives, and it is
// encoded back and dropped after a while without writes, so idle documents cost their size.
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

// The state of a document nobody has written to, shared by every new room (never changed in place).
const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

export type RoomOptions = { compactAfter: number; maxDocBytes: number; idleAfterMs: number };

export class Room<C> implements Writable<C> {
  private live: Y.Doc | null = null;
  /** The whole document as one update, while no Y.Doc is held. */
  private state: Uint8Array = EMPTY_STATE;
  private idleTimer: NodeJS.Timeout | null = null;
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
    // Awareness needs a Y.Doc only for its own client id, which the server never uses. A Y.Doc
    // given no guid draws a random one, a measurable cost when a thousand rooms open at once.
    this.awareness = new Awareness(new Y.Doc({ guid: name }));
    // The server is not a participant: it announces no presence of its own.
    this.awareness.setLocalState(null);
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    const stored = await loadStoredDoc(this.db, this.name);
    this.tailCount = stored.tailCount;
    this.storedBytes = stored.bytes;
    if (stored.updates.length === 1) this.state = stored.updates[0] as Uint8Array;
    else if (stored.updates.length > 1) {
      try {
        this.state = Y.mergeUpdates(stored.updates);
      } catch {
        // A damaged row: build the document row by row, skipping what cannot be applied.
        const doc = this.newDoc();
        for (const update of stored.updates) this.applyStored(doc, update);
        this.live = doc;
        this.armIdle();
      }
    }
  }

  private newDoc(): Y.Doc {
    return new Y.Doc({ gc: true, guid: this.name });
  }

  private applyStored(doc: Y.Doc, update: Uint8Array): void {
    try {
      Y.decodeUpdate(update);
      Y.applyUpdate(doc, update, "storage");
    } catch {
      // One damaged row must not make the whole document unusable.
      this.hooks.log(`skipped a stored update of ${this.name} that cannot be applied`);
    }
  }

  /** The live Y.Doc, built from the held state when needed. */
  get doc(): Y.Doc {
    if (!this.live) {
      const doc = this.newDoc();
      this.applyStored(doc, this.state);
      this.live = doc;
      this.state = new Uint8Array(0);
    }
    this.armIdle();
    return this.live;
  }

  /** After a while without writes, keep only the encoded state. */
  private armIdle(): void {
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => this.hibernate(), this.options.idleAfterMs);
      this.idleTimer.unref();
    }
  }

  private hibernate(): void {
    this.idleTimer = null;
    if (!this.live || this.broken || this.inWriter > 0 || this.compacting) {
      if (this.live && !this.broken) this.armIdle();
      return;
    }
    this.state = Y.encodeStateAsUpdate(this.live);
    this.live.destroy();
    this.live = null;
  }

  /** Whether a Y.Doc is held (false while the document idles as its encoded state). */
  get isLive(): boolean {
    return this.live !== null;
  }

  /** The state vector for the server's sync step 1. */
  stateVector(): Uint8Array {
    return this.live ? Y.encodeStateVector(this.live) : Y.encodeStateVectorFromUpdate(this.state);
  }

  /** What a client with `stateVector` lacks, for the sync step 2 answer. */
  missingFor(stateVector: Uint8Array): Uint8Array {
    if (this.live) return Y.encodeStateAsUpdate(this.live, stateVector);
    // A new client needs everything: the held state as it is.
    if (stateVector.length === 1 && stateVector[0] === 0) return this.state;
    return Y.diffUpdate(this.state, stateVector);
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
      this.storedBytes = this.live ? Y.encodeStateAsUpdate(this.live).byteLength : this.state.byteLength;
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
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.awareness.destroy();
    this.live?.destroy();
    this.live = null;
  }
}

export function isEmptyUpdate(update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}
