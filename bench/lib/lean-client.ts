// A lean collaborative client for load tests: one small Y.Doc per client for making real Yjs
// updates, no editor, no applying of other people's updates. It speaks either the stock
// y-websocket protocol (Tafel, the reference server) or Hocuspocus's framing, and records when
// each of its inserts was sent so that receivers can measure latency from the update itself.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";

export type Protocol = "y-websocket" | "hocuspocus";

export type Target = {
  protocol: Protocol;
  /** ws://host:port — the room is added to the path for y-websocket, framed into messages for Hocuspocus. */
  url: string;
  query?: string;
  headers?: (index: number) => Record<string, string>;
};

/** Every insert is this long, so an update's clock says which insert it carries. */
export const INSERT_LENGTH = 4;

export type Stats = {
  latencies: number[];
  expected: number;
  delivered: number;
  sent: number;
  failedConnections: number;
  closes: Map<number, number>;
};

export function newStats(): Stats {
  return { latencies: [], expected: 0, delivered: 0, sent: 0, failedConnections: 0, closes: new Map() };
}

/** Send times of every client's inserts, by Yjs client id, then by insert number. */
const sentAt = new Map<number, number[]>();
/** Only inserts sent within the measured window count. */
export const window = { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };

export class LeanClient {
  readonly doc = new Y.Doc();
  private readonly text = this.doc.getText("t");
  private ws: WebSocket | null = null;
  private lastUpdate: Uint8Array | null = null;
  synced = false;
  open = false;
  measuring = false;

  constructor(
    readonly index: number,
    readonly room: string,
    private readonly target: Target,
    private readonly stats: Stats,
  ) {
    this.doc.on("update", (update: Uint8Array) => {
      this.lastUpdate = update;
    });
    sentAt.set(this.doc.clientID, []);
  }

  connect(): Promise<void> {
    return new Promise((resolve) => {
      const { protocol, url } = this.target;
      const address = protocol === "y-websocket" ? `${url}/${encodeURIComponent(this.room)}${this.target.query ?? ""}` : url;
      const ws = new WebSocket(address, { headers: this.target.headers?.(this.index) ?? {}, perMessageDeflate: false });
      ws.binaryType = "nodebuffer";
      this.ws = ws;
      let settled = false;
      const done = () => {
        if (!settled) {
          settled = true;
          resolve();
        }
      };
      ws.on("open", () => {
        this.open = true;
        if (protocol === "hocuspocus")
          ws.send(
            this.frame(2, (e) => {
              encoding.writeVarUint(e, 0);
              encoding.writeVarString(e, "");
            }),
          );
        ws.send(this.syncFrame(0, Y.encodeStateVector(this.doc)));
      });
      ws.on("message", (data: Buffer) => {
        if (this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))) done();
      });
      ws.on("close", (code) => {
        if (this.open) this.stats.closes.set(code, (this.stats.closes.get(code) ?? 0) + 1);
        this.open = false;
        if (!settled && !this.synced) this.stats.failedConnections += 1;
        done();
      });
      ws.on("unexpected-response", () => {
        this.stats.failedConnections += 1;
        done();
      });
      ws.on("error", () => {
        if (!settled && !this.synced) this.stats.failedConnections += 1;
        done();
      });
    });
  }

  /** Inserts a few characters and sends the update; returns false if not connected. */
  sendInsert(): boolean {
    if (!this.ws || !this.open || !this.synced) return false;
    this.text.insert(this.text.length, "abcd");
    const update = this.lastUpdate;
    if (!update) return false;
    (sentAt.get(this.doc.clientID) as number[]).push(performance.now());
    this.ws.send(this.syncFrame(2, update));
    this.stats.sent += 1;
    return true;
  }

  /** An awareness update with a cursor position, as an editor sends on every keystroke. */
  sendAwareness(clock: number): void {
    if (!this.ws || !this.open) return;
    const state = JSON.stringify({ user: { name: "x", color: "#123456" }, cursor: { anchor: clock, head: clock } });
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, this.doc.clientID);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, state);
    const payload = encoding.toUint8Array(inner);
    this.ws.send(this.frame(1, (e) => encoding.writeVarUint8Array(e, payload)));
  }

  close(): void {
    this.ws?.terminate();
    this.open = false;
  }

  private frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    if (this.target.protocol === "hocuspocus") encoding.writeVarString(encoder, this.room);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  private syncFrame(sub: number, payload: Uint8Array): Uint8Array {
    return this.frame(0, (e) => {
      encoding.writeVarUint(e, sub);
      encoding.writeVarUint8Array(e, payload);
    });
  }

  /** Returns true once the first sync step 2 has arrived. */
  private onMessage(data: Uint8Array): boolean {
    const decoder = decoding.createDecoder(data);
    if (this.target.protocol === "hocuspocus") decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== 0 && type !== 4) return false;
    const sub = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (sub === 0) {
      // The server's state vector: answer with what we have that it lacks (nothing, once synced).
      this.ws?.send(this.syncFrame(1, Y.encodeStateAsUpdate(this.doc, payload)));
      return false;
    }
    if (sub === 1) {
      const first = !this.synced;
      this.synced = true;
      return first;
    }
    if (sub === 2 && this.measuring) this.measure(payload);
    return false;
  }

  private measure(update: Uint8Array): void {
    const now = performance.now();
    for (const struct of Y.decodeUpdate(update).structs) {
      // The reference server also echoes an update to its sender.
      if (struct.id.client === this.doc.clientID) continue;
      const sends = sentAt.get(struct.id.client);
      if (!sends) continue;
      const first = Math.ceil(struct.id.clock / INSERT_LENGTH);
      const end = struct.id.clock + struct.length;
      for (let n = first; n * INSERT_LENGTH < end; n++) {
        const at = sends[n];
        if (at === undefined || at < window.from || at >= window.to) continue;
        this.stats.latencies.push(now - at);
        this.stats.delivered += 1;
      }
    }
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
