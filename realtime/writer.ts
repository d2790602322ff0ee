// Group commit: every accepted update of every room goes into the next write, one INSERT for all
// of them, with one write in flight at a time. Updates that arrive while it runs are merged per
// room into the write after it. Nothing is relayed before the write that holds it has committed.
import * as Y from "yjs";
import { appendUpdates } from "../features/docs/store.ts";
import type { Db } from "../prisma/db.ts";

export type Pending<C> = { update: Uint8Array; from: C };

/** What the writer needs from a room. */
export type Writable<C> = {
  readonly name: string;
  /** The batch is stored: apply it and relay it. */
  committed(merged: Uint8Array, items: Pending<C>[], bytes: number): void;
  /** Storing failed: the room must be dropped and its connections re-sync from storage. */
  failed(error: unknown): void;
};

export class GroupWriter<C> {
  private pending = new Map<Writable<C>, Pending<C>[]>();
  private running: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  enqueue(room: Writable<C>, update: Uint8Array, from: C): void {
    const list = this.pending.get(room);
    if (list) list.push({ update, from });
    else this.pending.set(room, [{ update, from }]);
    if (!this.running) this.running = this.run().finally(() => (this.running = null));
  }

  /** Drops what a room has queued and not yet written (the room is gone). */
  forget(room: Writable<C>): void {
    this.pending.delete(room);
  }

  private async run(): Promise<void> {
    // Let every message already read from the sockets join the first write.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.size > 0) {
      const batch = this.pending;
      this.pending = new Map();
      const rows: { room: Writable<C>; items: Pending<C>[]; merged: Uint8Array }[] = [];
      for (const [room, items] of batch) {
        try {
          const merged = items.length === 1 ? (items[0] as Pending<C>).update : Y.mergeUpdates(items.map((item) => item.update));
          rows.push({ room, items, merged });
        } catch (error) {
          room.failed(error);
        }
      }
      if (rows.length === 0) continue;
      try {
        await appendUpdates(
          this.db,
          rows.map((row) => ({ name: row.room.name, update: row.merged })),
        );
      } catch (error) {
        for (const row of rows) row.room.failed(error);
        continue;
      }
      for (const row of rows) row.room.committed(row.merged, row.items, row.merged.byteLength);
    }
  }

  /** Resolves once everything queued so far is stored (or has failed). */
  async flushed(): Promise<void> {
    while (this.running) await this.running;
  }
}
