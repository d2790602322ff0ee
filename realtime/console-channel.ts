// The live channel of a meeting's console, beside the document rooms: /console/<meetingId>.
// Authenticated at the upgrade like documents (Origin and session cookie) and open to members of
// the meeting's table. Clients send commands as JSON text frames ({ id, command }); each one is
// checked by the meetings policy and stored (features/meetings/console-commands.ts) before it is
// acknowledged. The server then derives the console state from the stored rows and pushes it to
// everyone in the meeting; clients can only read it. With several nodes, the node that stored a
// command tells the others through Redis that the meeting changed, and each derives the state
// from the database itself — no node ever sends state it did not read, and a revision number
// lets a client keep the newest. Presence is never shown: the console lists who attends as the
// chair recorded it, not who is connected.
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { docName } from "../features/docs/names.ts";
import { authorizeMeeting } from "../features/meetings/access.ts";
import { meetingTable, runConsoleCommand } from "../features/meetings/console-commands.ts";
import { consoleState, consoleViewer } from "../features/meetings/console-state.ts";
import { AppError } from "../features/shared/app-error.ts";
import type { Db } from "../prisma/db.ts";
import type { AccessWatch, Watched } from "./access-watch.ts";
import type { Fanout } from "./fanout.ts";
import { CLOSE } from "./protocol.ts";
import { DEFAULT_RATE_LIMIT, type RateLimit, TokenBucket } from "./rate-limit.ts";
import type { Authentication } from "./upgrade-auth.ts";

export const CONSOLE_PREFIX = "/console/";
const MAX_COMMAND_BYTES = 16 * 1024;

type ConsoleConnection = Watched & { ws: WebSocket; meetingId: string; closed: boolean; bucket: TokenBucket; queue: Promise<void> };

type Meeting = { connections: Set<ConsoleConnection>; refreshing: boolean; again: boolean };

export type ConsoleChannelOptions = {
  db: Db;
  authenticate: (request: IncomingMessage) => Promise<Authentication>;
  watch: AccessWatch;
  fanout?: Fanout;
  now: () => Date;
  log: (line: string) => void;
  rateLimit?: RateLimit;
};

export function createConsoleChannel(options: ConsoleChannelOptions) {
  const { db, watch, fanout, now, log } = options;
  const meetings = new Map<string, Meeting>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_COMMAND_BYTES, perMessageDeflate: false, clientTracking: false });

  fanout?.onNotice((meetingId) => {
    if (meetings.has(meetingId)) void refresh(meetingId);
  });

  function refuse(socket: Socket, status: number, reason: string) {
    if (socket.destroyed) return;
    socket.end(
      `HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`,
    );
  }

  /** Admits a member of the meeting's table, then keeps them in step with the stored state. */
  async function upgrade(request: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? "/", "http://realtime.invalid");
    const meetingId = url.pathname.slice(CONSOLE_PREFIX.length);
    const authentication = await options.authenticate(request);
    if (!authentication.ok) return refuse(socket, authentication.status, authentication.reason);
    const { session } = authentication;
    let tableId: string;
    let viewer: ReturnType<typeof consoleViewer>;
    try {
      tableId = await meetingTable(db, meetingId);
      viewer = consoleViewer(await authorizeMeeting(db, session.accountId, tableId, "meetings.view"));
    } catch (error) {
      if (error instanceof AppError) return refuse(socket, 404, "unknown meeting");
      throw error;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const conn: ConsoleConnection = {
        ws,
        meetingId,
        sessionId: session.sessionId,
        accountId: session.accountId,
        // Membership of the table is what the watch checks: losing it, or the session, ends this connection.
        docName: docName({ kind: "notes", tableId }),
        closed: false,
        bucket: new TokenBucket(options.rateLimit ?? DEFAULT_RATE_LIMIT),
        queue: Promise.resolve(),
        setAccess: () => {},
        setPresence: () => {},
        end: (code, reason) => close(conn, code, reason),
      };
      watch.add(conn, session);
      const joined = join(conn);
      send(conn, { type: "hello", viewer });
      conn.queue = joined.then(() => pushTo(conn)).catch((error) => log(`console state failed: ${String(error)}`));
      ws.on("message", (data: Buffer, isBinary: boolean) => {
        if (conn.closed) return;
        watch.touch(conn.sessionId);
        if (!conn.bucket.take()) return close(conn, CLOSE.policy, "too many messages");
        conn.queue = conn.queue.then(() => handle(conn, isBinary ? null : data.toString("utf8")));
      });
      ws.on("close", () => detach(conn));
      ws.on("error", () => detach(conn));
    });
  }

  async function join(conn: ConsoleConnection) {
    let meeting = meetings.get(conn.meetingId);
    if (!meeting) {
      meeting = { connections: new Set(), refreshing: false, again: false };
      meetings.set(conn.meetingId, meeting);
      await fanout?.joinNotices(conn.meetingId);
    }
    meeting.connections.add(conn);
  }

  async function handle(conn: ConsoleConnection, text: string | null) {
    let id: unknown = null;
    try {
      const message = text === null ? null : (JSON.parse(text) as { id?: unknown; command?: unknown });
      if (!message || typeof message !== "object") throw new AppError("CONSOLE_COMMAND_INVALID");
      id = typeof message.id === "number" || typeof message.id === "string" ? message.id : null;
      await runConsoleCommand(db, conn.accountId, conn.meetingId, message.command, now());
      send(conn, { type: "ack", id });
      fanout?.publishNotice(conn.meetingId);
      await refresh(conn.meetingId);
    } catch (error) {
      // A refused or malformed command is answered with its code; nothing was stored.
      const code = error instanceof AppError ? error.code : error instanceof SyntaxError ? "CONSOLE_COMMAND_INVALID" : "UNEXPECTED";
      if (code === "UNEXPECTED") log(`console command failed: ${String(error)}`);
      send(conn, { type: "error", id, code });
    }
  }

  /** Derives the state once and pushes it to everyone in the meeting on this node; coalesces bursts. */
  async function refresh(meetingId: string): Promise<void> {
    const meeting = meetings.get(meetingId);
    if (!meeting) return;
    if (meeting.refreshing) {
      meeting.again = true;
      return;
    }
    meeting.refreshing = true;
    try {
      do {
        meeting.again = false;
        const message = JSON.stringify({ type: "state", state: await consoleState(db, meetingId, now()) });
        for (const conn of meeting.connections) if (!conn.closed && conn.ws.readyState === conn.ws.OPEN) conn.ws.send(message);
      } while (meeting.again);
    } catch (error) {
      log(`deriving console state failed: ${String(error)}`);
    } finally {
      meeting.refreshing = false;
    }
  }

  async function pushTo(conn: ConsoleConnection) {
    send(conn, { type: "state", state: await consoleState(db, conn.meetingId, now()) });
  }

  function send(conn: ConsoleConnection, message: unknown) {
    if (conn.closed || conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(JSON.stringify(message));
  }

  function close(conn: ConsoleConnection, code: number, reason: string) {
    if (!conn.closed) {
      try {
        conn.ws.close(code, reason);
      } catch {
        conn.ws.terminate();
      }
    }
    detach(conn);
  }

  function detach(conn: ConsoleConnection) {
    if (conn.closed) return;
    conn.closed = true;
    watch.remove(conn);
    const meeting = meetings.get(conn.meetingId);
    if (!meeting) return;
    meeting.connections.delete(conn);
    if (meeting.connections.size === 0) {
      meetings.delete(conn.meetingId);
      fanout?.leaveNotices(conn.meetingId);
    }
  }

  return {
    upgrade,
    /** After Redis was away: notices may have been missed, so read every open meeting again. */
    refreshAll: () => Promise.all([...meetings.keys()].map(refresh)),
    connectionCount: () => [...meetings.values()].reduce((sum, m) => sum + m.connections.size, 0),
    closeAll: (code: number, reason: string) => {
      for (const meeting of meetings.values()) for (const conn of [...meeting.connections]) close(conn, code, reason);
      wss.close();
    },
  };
}
