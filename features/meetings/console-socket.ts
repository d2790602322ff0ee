// The client end of a meeting's live console channel, for the browser and for tests: sends
// commands and resolves each with the server's answer, keeps the newest state it was sent
// (by revision, whichever node sent it), and reconnects after a drop, receiving the whole state
// again. It holds no state of its own making: everything shown comes from the server.
import type { ConsoleState, ConsoleViewer } from "./console-state.ts";

export type ConsoleAnswer = { ok: true } | { ok: false; code: string };
export type ConnectionStatus = "connecting" | "open" | "closed";

type SocketLike = {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
};

export type ConsoleSocketOptions = {
  url: string;
  open: (url: string) => SocketLike;
  onState: (state: ConsoleState) => void;
  onViewer?: (viewer: ConsoleViewer) => void;
  onStatus?: (status: ConnectionStatus) => void;
  /** Milliseconds between reconnect attempts, growing to this cap. */
  maxBackoffMs?: number;
};

const OPEN = 1;

export class ConsoleSocket {
  private socket: SocketLike | null = null;
  private nextId = 1;
  private pending = new Map<number, (answer: ConsoleAnswer) => void>();
  private revision = -1;
  /** The next state is the first on a new connection, taken whatever its revision. */
  private fresh = false;
  private backoff = 250;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  state: ConsoleState | null = null;

  constructor(private readonly options: ConsoleSocketOptions) {
    this.connect();
  }

  private connect() {
    if (this.stopped) return;
    this.options.onStatus?.("connecting");
    const socket = this.options.open(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.backoff = 250;
      this.options.onStatus?.("open");
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      // Commands in flight have no answer: the person sees it failed and can try again.
      for (const resolve of this.pending.values()) resolve({ ok: false, code: "CONNECTION_LOST" });
      this.pending.clear();
      this.options.onStatus?.("closed");
      if (this.stopped) return;
      this.timer = setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, this.options.maxBackoffMs ?? 5000);
    };
  }

  private receive(text: string) {
    let message: { type?: string; id?: number; code?: string; state?: ConsoleState; viewer?: ConsoleViewer };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.type === "state" && message.state) {
      // A new connection starts over: the server may have restarted from the same stored rows.
      if (!this.fresh && message.state.revision < this.revision) return;
      this.fresh = false;
      this.revision = message.state.revision;
      this.state = message.state;
      this.options.onState(message.state);
    } else if (message.type === "hello" && message.viewer) {
      this.fresh = true;
      this.options.onViewer?.(message.viewer);
    } else if ((message.type === "ack" || message.type === "error") && typeof message.id === "number") {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.type === "ack" ? { ok: true } : { ok: false, code: message.code ?? "UNEXPECTED" });
    }
  }

  /** Sends one command; resolves with the server's answer once it was stored or refused. */
  send(command: Record<string, unknown>): Promise<ConsoleAnswer> {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return Promise.resolve({ ok: false, code: "CONNECTION_LOST" });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      socket.send(JSON.stringify({ id, command }));
    });
  }

  /** Drops the connection as a network failure would; it reconnects by itself. */
  drop() {
    this.socket?.close();
  }

  close() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close();
  }
}
