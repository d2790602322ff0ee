// The realtime server: stock y-websocket protocol, authenticated and authorised at the upgrade,
// durable (write before relay), read-only enforced here, and bounded against misbehaving clients.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { applyAwarenessUpdate, encodeAwarenessUpdate as encodeStates, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { docAccess } from "../features/docs/access.ts";
import { SCHEMA_VERSION } from "../features/docs/schema.ts";
import type { SessionLimits } from "../features/identity/model.ts";
import { activeSession } from "../features/identity/sessions.ts";
import type { Db } from "../prisma/db.ts";
import { decodeAwarenessUpdate, encodeAwarenessUpdate, rewriteState } from "./awareness-filter.ts";
import {
  awarenessMessage,
  CLOSE,
  parseClientMessage,
  permissionDeniedMessage,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from "./protocol.ts";
import { isEmptyUpdate, Room } from "./room.ts";
import { admit } from "./upgrade-auth.ts";

export type RealtimeOptions = {
  db: Db;
  secret: string;
  secureCookie: boolean;
  allowedOrigins: Set<string>;
  sessionLimits: SessionLimits;
  now?: () => Date;
  port?: number;
  host?: string;
  maxMessageBytes?: number;
  rateLimit?: { messages: number; windowMs: number };
  authTimeoutMs?: number;
  recheckIntervalMs?: number;
  compactAfter?: number;
  log?: (line: string) => void;
};

export type RealtimeServer = {
  port: number;
  server: Server;
  /** Re-checks every open connection's session and access now. */
  recheckAll: () => Promise<void>;
  /** Stops accepting, stores everything pending, closes all connections. */
  close: () => Promise<void>;
  connectionCount: () => number;
};

type Connection = {
  ws: WebSocket;
  room: Room<Connection>;
  accountId: string;
  sessionId: string;
  pseudonym: string;
  presence: boolean;
  access: "read" | "write";
  clientIds: Set<number>;
  recent: number[];
  queue: Promise<void>;
  closed: boolean;
  /** Sent something since the last check: editing counts as activity for the idle limit. */
  active: boolean;
};

export async function createRealtimeServer(options: RealtimeOptions): Promise<RealtimeServer> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(`[realtime] ${line}`));
  const maxMessageBytes = options.maxMessageBytes ?? 1024 * 1024;
  const rate = options.rateLimit ?? { messages: 200, windowMs: 10_000 };
  const authTimeoutMs = options.authTimeoutMs ?? 5000;
  const compactAfter = options.compactAfter ?? 200;
  const rooms = new Map<string, Room<Connection>>();
  const connections = new Set<Connection>();
  const pendingSockets = new Map<Socket, NodeJS.Timeout>();
  let closing = false;

  const server = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/health") {
      options.db.$queryRaw`SELECT 1`.then(
        () => send(200, { db: "ok", pid: process.pid }),
        () => send(503, { db: "error", pid: process.pid }),
      );
      return;
    }
    send(404, { error: "not found" });
    function send(status: number, body: unknown) {
      response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(JSON.stringify(body));
    }
  });

  // A connection must complete an authenticated upgrade in time, or it is dropped: no slow or
  // idle sockets holding resources. Plain HTTP requests (health) finish long before.
  server.on("connection", (socket: Socket) => {
    const timer = setTimeout(() => {
      pendingSockets.delete(socket);
      socket.destroy();
    }, authTimeoutMs);
    pendingSockets.set(socket, timer);
    socket.once("close", () => {
      clearTimeout(timer);
      pendingSockets.delete(socket);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });

  server.on("upgrade", (request: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    if (closing) return refuse(socket, 503, "shutting down");
    admit(request, {
      db: options.db,
      secret: options.secret,
      secureCookie: options.secureCookie,
      allowedOrigins: options.allowedOrigins,
      sessionLimits: options.sessionLimits,
      now,
    })
      .then((admission) => {
        if (!admission.ok) return refuse(socket, admission.status, admission.reason);
        if (socket.destroyed) return;
        const timer = pendingSockets.get(socket);
        if (timer) clearTimeout(timer);
        pendingSockets.delete(socket);
        wss.handleUpgrade(request, socket, head, (ws) => {
          if (admission.schema !== String(SCHEMA_VERSION)) {
            ws.close(CLOSE.reload, "reload");
            return;
          }
          accept(ws, admission);
        });
      })
      .catch((error) => {
        log(`upgrade failed: ${String(error)}`);
        refuse(socket, 503, "unavailable");
      });
  });

  function refuse(socket: Socket, status: number, reason: string) {
    if (socket.destroyed) return;
    const text = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 503: "Service Unavailable" }[status] ?? "Error";
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`,
    );
    socket.destroySoon?.();
  }

  function roomFor(name: string): Room<Connection> {
    let room = rooms.get(name);
    if (!room || room.isBroken) {
      const created: Room<Connection> = new Room<Connection>(
        name,
        options.db,
        {
          relay: (update, from) => {
            const message = updateMessage(update);
            for (const conn of created.connections) if (conn !== from) sendTo(conn, message);
          },
          failed: (error) => {
            log(`storing an update of a document failed; its connections re-sync: ${String(error)}`);
            if (rooms.get(name) === created) rooms.delete(name);
            for (const conn of [...created.connections]) closeConnection(conn, CLOSE.storageFailed, "storage failed");
            created.destroy();
          },
          log,
        },
        compactAfter,
      );
      created.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const changed = [...added, ...updated, ...removed];
        if (changed.length === 0) return;
        const message = awarenessMessage(encodeStates(created.awareness, changed));
        for (const conn of created.connections) if (conn.presence) sendTo(conn, message);
      });
      created.loaded.catch((error) => {
        log(`loading a document failed: ${String(error)}`);
        if (rooms.get(name) === created) rooms.delete(name);
        for (const conn of [...created.connections]) closeConnection(conn, CLOSE.storageFailed, "load failed");
      });
      rooms.set(name, created);
      room = created;
    }
    return room;
  }

  function accept(ws: WebSocket, admission: Extract<Awaited<ReturnType<typeof admit>>, { ok: true }>) {
    const room = roomFor(admission.docName);
    const conn: Connection = {
      ws,
      room,
      accountId: admission.accountId,
      sessionId: admission.sessionId,
      pseudonym: admission.pseudonym,
      presence: admission.presence,
      access: admission.access,
      clientIds: new Set(),
      recent: [],
      queue: room.loaded,
      closed: false,
      active: false,
    };
    room.connections.add(conn);
    connections.add(conn);
    ws.binaryType = "arraybuffer";
    // Nothing is answered before the document has loaded; messages wait in the queue meanwhile.
    conn.queue = conn.queue.then(() => {
      sendTo(conn, syncStep1Message(Y.encodeStateVector(room.doc)));
      if (conn.presence && room.awareness.getStates().size > 0) {
        sendTo(conn, awarenessMessage(encodeStates(room.awareness, [...room.awareness.getStates().keys()])));
      }
    });
    ws.on("message", (data: ArrayBuffer | Buffer, isBinary: boolean) => {
      if (conn.closed) return;
      conn.active = true;
      if (!isBinary) return closeConnection(conn, CLOSE.malformed, "binary messages only");
      const at = Date.now();
      conn.recent = conn.recent.filter((t) => at - t < rate.windowMs);
      conn.recent.push(at);
      if (conn.recent.length > rate.messages) return closeConnection(conn, CLOSE.policy, "too many messages");
      const bytes = new Uint8Array(
        data instanceof ArrayBuffer ? data : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      );
      conn.queue = conn.queue
        .then(() => handleMessage(conn, bytes))
        .catch((error) => {
          log(`closing a connection after a bad message: ${error instanceof Error ? error.message : String(error)}`);
          closeConnection(conn, CLOSE.malformed, "malformed message");
        });
    });
    ws.on("close", () => detach(conn));
    ws.on("error", () => detach(conn));
  }

  function handleMessage(conn: Connection, bytes: Uint8Array) {
    if (conn.closed) return;
    const message = parseClientMessage(bytes);
    const room = conn.room;
    switch (message.kind) {
      case "sync-step1":
        sendTo(conn, syncStep2Message(Y.encodeStateAsUpdate(room.doc, message.stateVector)));
        return;
      case "write": {
        // Throws on a malformed update, which closes only this connection.
        if (isEmptyUpdate(message.update)) return;
        if (conn.access !== "write") {
          sendTo(conn, permissionDeniedMessage("read-only"));
          return;
        }
        room.enqueue(message.update, conn);
        return;
      }
      case "awareness":
        acceptAwareness(conn, message.update);
        return;
      case "query-awareness":
        if (conn.presence) sendTo(conn, awarenessMessage(encodeStates(room.awareness, [...room.awareness.getStates().keys()])));
        return;
      case "auth":
        return;
    }
  }

  function acceptAwareness(conn: Connection, update: Uint8Array) {
    const entries = decodeAwarenessUpdate(update);
    if (!conn.presence) return;
    const room = conn.room;
    const owners = new Map<number, Connection>();
    for (const other of room.connections) for (const id of other.clientIds) owners.set(id, other);
    const accepted = entries.flatMap((entry) => {
      const owner = owners.get(entry.clientId);
      if (owner && owner !== conn) return [];
      if (entry.state && "tooLarge" in entry.state) return [];
      conn.clientIds.add(entry.clientId);
      return [{ ...entry, state: entry.state ? rewriteState(entry.state, conn.pseudonym) : null }];
    });
    if (accepted.length > 0) applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(accepted), conn);
  }

  function sendTo(conn: Connection, message: Uint8Array) {
    if (conn.closed || conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(message, (error) => {
      if (error) closeConnection(conn, CLOSE.going, "send failed");
    });
  }

  function closeConnection(conn: Connection, code: number, reason: string) {
    if (!conn.closed) {
      try {
        conn.ws.close(code, reason);
      } catch {
        conn.ws.terminate();
      }
    }
    detach(conn);
  }

  function detach(conn: Connection) {
    if (conn.closed) return;
    conn.closed = true;
    connections.delete(conn);
    const room = conn.room;
    room.connections.delete(conn);
    if (conn.clientIds.size > 0) removeAwarenessStates(room.awareness, [...conn.clientIds], null);
    if (room.connections.size === 0) {
      // Unload once everything is stored, unless someone joined meanwhile.
      void room.flushed().then(() => {
        if (room.connections.size === 0 && rooms.get(room.name) === room) {
          rooms.delete(room.name);
          room.destroy();
        }
      });
    }
  }

  async function recheckAll(): Promise<void> {
    for (const conn of [...connections]) {
      if (conn.closed) continue;
      try {
        const session = await activeSession(options.db, conn.sessionId, options.sessionLimits, now(), { touch: conn.active });
        conn.active = false;
        if (!session) {
          closeConnection(conn, CLOSE.sessionEnded, "session ended");
          continue;
        }
        const access = await docAccess(options.db, conn.accountId, conn.room.name);
        if (access === "none") {
          closeConnection(conn, CLOSE.noAccess, "no access");
          continue;
        }
        conn.access = access;
        if (conn.presence && !session.presenceEnabled && conn.clientIds.size > 0) {
          removeAwarenessStates(conn.room.awareness, [...conn.clientIds], null);
        }
        conn.presence = session.presenceEnabled;
      } catch (error) {
        log(`re-checking a connection failed: ${String(error)}`);
      }
    }
  }

  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    void recheckAll().finally(() => (rechecking = false));
  }, options.recheckIntervalMs ?? 2000);
  recheckTimer.unref();

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    clearInterval(recheckTimer);
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const room of rooms.values()) await room.flushed();
    for (const conn of [...connections]) closeConnection(conn, CLOSE.going, "server stopping");
    for (const [socket, timer] of pendingSockets) {
      clearTimeout(timer);
      socket.destroy();
    }
    for (const room of rooms.values()) room.destroy();
    rooms.clear();
    wss.close();
    server.closeAllConnections();
    await stopped;
  }

  return { port, server, recheckAll, close, connectionCount: () => connections.size };
}
