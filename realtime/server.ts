// The realtime server: stock y-websocket protocol, authenticated and authorised at the upgrade,
// durable (write before relay, one group commit for all rooms), read-only enforced here, bounded
// against misbehaving clients, and optionally one of several nodes sharing Redis.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { applyAwarenessUpdate, encodeAwarenessUpdate as encodeStates, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import type { DocAccess } from "../features/docs/access.ts";
import { SCHEMA_VERSION } from "../features/docs/schema.ts";
import type { SessionLimits } from "../features/identity/model.ts";
import type { Db } from "../prisma/db.ts";
import { AccessWatch, type Watched } from "./access-watch.ts";
import { decodeAwarenessUpdate, encodeAwarenessUpdate, rewriteState } from "./awareness-filter.ts";
import { CONSOLE_PREFIX, createConsoleChannel } from "./console-channel.ts";
import type { Fanout } from "./fanout.ts";
import {
  awarenessMessage,
  CLOSE,
  parseClientMessage,
  permissionDeniedMessage,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from "./protocol.ts";
import { DEFAULT_RATE_LIMIT, type RateLimit, TokenBucket } from "./rate-limit.ts";
import { isEmptyUpdate, Room } from "./room.ts";
import { type Admission, createAdmitter, createAuthenticator } from "./upgrade-auth.ts";
import { GroupWriter } from "./writer.ts";

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
  rateLimit?: RateLimit;
  authTimeoutMs?: number;
  /** How often open connections learn of ended sessions and changed access (default 2 s). */
  recheckIntervalMs?: number;
  /** How often every session and access is read again regardless of changes (default 60 s). */
  fullRecheckIntervalMs?: number;
  compactAfter?: number;
  /** Open connections one account may have: a console, a few tabs and a phone. */
  maxConnectionsPerAccount?: number;
  /** Stored size beyond which a document accepts no more writes. */
  maxDocBytes?: number;
  /** A document without writes for this long is kept only as its encoded state (default 30 s). */
  idleAfterMs?: number;
  /** Bytes queued for a client that does not read, beyond which it is dropped. */
  maxBufferedBytes?: number;
  /** Cross-node fan-out (Redis) when several realtime processes serve the same documents. */
  fanout?: Fanout;
  log?: (line: string) => void;
};

export type RealtimeServer = {
  port: number;
  server: Server;
  /** Re-reads every open connection's session and access now. */
  recheckAll: () => Promise<void>;
  /** One ordinary re-check tick: only what the access changes and the clock concern. */
  recheckChanges: () => Promise<void>;
  /** Stops accepting, stores everything pending, closes all connections; bounded by `timeoutMs`. */
  close: (timeoutMs?: number) => Promise<void>;
  connectionCount: () => number;
  roomCount: () => number;
  /** Rooms holding a Y.Doc rather than only their encoded state. */
  liveRoomCount: () => number;
};

type Connection = Watched & {
  ws: WebSocket;
  room: Room<Connection>;
  pseudonym: string;
  presence: boolean;
  access: "read" | "write";
  clientIds: Set<number>;
  queue: Promise<void>;
  closed: boolean;
  bucket: TokenBucket;
  held: { updates: Uint8Array[]; awareness: Uint8Array | null; other: Uint8Array[] };
  releaseTimer: NodeJS.Timeout | null;
};

type Accepted = Extract<Admission, { ok: true }>;

export async function createRealtimeServer(options: RealtimeOptions): Promise<RealtimeServer> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(`[realtime] ${line}`));
  const maxMessageBytes = options.maxMessageBytes ?? 1024 * 1024;
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const authTimeoutMs = options.authTimeoutMs ?? 5000;
  const maxPerAccount = options.maxConnectionsPerAccount ?? 8;
  const maxBuffered = options.maxBufferedBytes ?? 16 * 1024 * 1024;
  const roomOptions = {
    compactAfter: options.compactAfter ?? 200,
    maxDocBytes: options.maxDocBytes ?? 32 * 1024 * 1024,
    idleAfterMs: options.idleAfterMs ?? 30_000,
  };
  const fanout = options.fanout;
  const rooms = new Map<string, Room<Connection>>();
  /** Which connection introduced each awareness client id, per room. */
  const owners = new WeakMap<Room<Connection>, Map<number, Connection>>();
  const connections = new Set<Connection>();
  const pendingSockets = new Map<Socket, NodeJS.Timeout>();
  const writer = new GroupWriter<Connection>(options.db);
  const watch = new AccessWatch(options.db, options.sessionLimits, now, log);
  await watch.start();
  let closing = false;

  const admit = createAdmitter({
    db: options.db,
    secret: options.secret,
    secureCookie: options.secureCookie,
    allowedOrigins: options.allowedOrigins,
    sessionLimits: options.sessionLimits,
    now,
    connectionsOf: (accountId) => watch.connectionsOf(accountId),
    maxPerAccount,
  });

  const consoles = createConsoleChannel({
    db: options.db,
    authenticate: createAuthenticator({ ...options, now }),
    watch,
    fanout,
    now,
    log,
    rateLimit,
  });

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

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false, clientTracking: false });

  server.on("upgrade", (request: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    if (closing) return refuse(socket, 503, "shutting down");
    if (request.url?.startsWith(CONSOLE_PREFIX)) {
      const timer = pendingSockets.get(socket);
      if (timer) clearTimeout(timer);
      pendingSockets.delete(socket);
      consoles.upgrade(request, socket, head).catch((error) => {
        log(`console upgrade failed: ${String(error)}`);
        refuse(socket, 503, "unavailable");
      });
      return;
    }
    admit(request)
      .then((admission) => {
        if (!admission.ok) return refuse(socket, admission.status, admission.reason);
        if (socket.destroyed || closing) return refuse(socket, 503, "shutting down");
        const timer = pendingSockets.get(socket);
        if (timer) clearTimeout(timer);
        pendingSockets.delete(socket);
        wss.handleUpgrade(request, socket, head, (ws) => {
          if (admission.schema !== String(SCHEMA_VERSION)) {
            ws.close(CLOSE.reload, "reload");
            return;
          }
          // Admissions of one account that raced each other are counted here, where it is exact.
          if (watch.connectionsOf(admission.session.accountId) >= maxPerAccount) {
            ws.close(CLOSE.policy, "too many connections");
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
    const text =
      { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 503: "Service Unavailable" }[status] ?? "Error";
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`,
    );
    socket.destroySoon?.();
  }

  function roomFor(name: string): Room<Connection> {
    const existing = rooms.get(name);
    if (existing && !existing.isBroken) return existing;
    const created: Room<Connection> = new Room<Connection>(
      name,
      options.db,
      writer,
      {
        relay: (update, from) => {
          const message = updateMessage(update);
          for (const conn of created.connections) if (conn !== from) sendTo(conn, message);
        },
        stored: fanout ? (merged) => fanout.publishUpdate(name, merged) : undefined,
        failed: (error) => {
          log(`storing an update of a document failed; its connections re-sync: ${String(error)}`);
          unload(created);
          for (const conn of [...created.connections]) closeConnection(conn, CLOSE.storageFailed, "storage failed");
        },
        log,
      },
      roomOptions,
    );
    owners.set(created, new Map());
    created.awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        if (changed.length === 0) return;
        const update = encodeStates(created.awareness, changed);
        const message = awarenessMessage(update);
        for (const conn of created.connections) if (conn.presence) sendTo(conn, message);
        if (fanout && origin !== "remote") fanout.publishAwareness(name, update);
      },
    );
    // Subscribe before loading, so nothing another node stores meanwhile is missed.
    const joined = fanout ? fanout.join(name) : Promise.resolve();
    const loaded = joined.then(() => created.loaded);
    loaded.catch((error) => {
      log(`loading a document failed: ${String(error)}`);
      unload(created);
      for (const conn of [...created.connections]) closeConnection(conn, CLOSE.storageFailed, "load failed");
    });
    rooms.set(name, created);
    return created;
  }

  function unload(room: Room<Connection>) {
    if (rooms.get(room.name) !== room) return;
    rooms.delete(room.name);
    fanout?.leave(room.name);
    room.destroy();
  }

  fanout?.onUpdate((name, update) => {
    const room = rooms.get(name);
    if (room)
      void room.loaded.then(
        () => room.applyRemote(update),
        () => {},
      );
  });
  fanout?.onAwareness((name, update) => {
    const room = rooms.get(name);
    if (!room) return;
    try {
      applyAwarenessUpdate(room.awareness, update, "remote");
    } catch {
      log(`ignored awareness of ${name} from another node that cannot be applied`);
    }
  });

  // Redis was away: catch up from the database, which has everything every node stored.
  fanout?.onReconnect(() => {
    void consoles.refreshAll();
    for (const room of rooms.values()) {
      void room.loaded
        .then(() => room.catchUp())
        .catch((error) => log(`catching up ${room.name} after Redis came back failed: ${String(error)}`));
    }
  });

  function accept(ws: WebSocket, admission: Accepted) {
    const room = roomFor(admission.docName);
    const conn: Connection = {
      ws,
      room,
      sessionId: admission.session.sessionId,
      accountId: admission.session.accountId,
      docName: admission.docName,
      pseudonym: admission.session.pseudonym,
      presence: admission.session.presenceEnabled,
      access: admission.access,
      clientIds: new Set(),
      queue: room.loaded,
      closed: false,
      bucket: new TokenBucket(rateLimit),
      held: { updates: [], awareness: null, other: [] },
      releaseTimer: null,
      setAccess: (access: Exclude<DocAccess, "none">) => {
        conn.access = access;
      },
      setPresence: (enabled: boolean) => {
        if (conn.presence && !enabled && conn.clientIds.size > 0) removeAwarenessStates(conn.room.awareness, [...conn.clientIds], null);
        conn.presence = enabled;
      },
      end: (code: number, reason: string) => closeConnection(conn, code, reason),
    };
    room.connections.add(conn);
    connections.add(conn);
    watch.add(conn, admission.session);
    ws.binaryType = "nodebuffer";
    // Nothing is answered before the document has loaded; messages wait in the queue meanwhile.
    conn.queue = conn.queue.then(() => {
      sendTo(conn, syncStep1Message(room.stateVector()));
      if (conn.presence && room.awareness.getStates().size > 0) {
        sendTo(conn, awarenessMessage(encodeStates(room.awareness, [...room.awareness.getStates().keys()])));
      }
    });
    conn.queue.catch(() => {});
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (conn.closed) return;
      watch.touch(conn.sessionId);
      if (!isBinary) return closeConnection(conn, CLOSE.malformed, "binary messages only");
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (conn.releaseTimer === null && conn.bucket.take()) return handle(conn, bytes);
      if (conn.bucket.overflow()) return closeConnection(conn, CLOSE.policy, "too many messages");
      hold(conn, bytes);
    });
    ws.on("close", () => detach(conn));
    ws.on("error", () => detach(conn));
  }

  function handle(conn: Connection, bytes: Uint8Array) {
    conn.queue = conn.queue
      .then(() => handleMessage(conn, bytes))
      .catch((error) => {
        log(`closing a connection after a bad message: ${error instanceof Error ? error.message : String(error)}`);
        closeConnection(conn, CLOSE.malformed, "malformed message");
      });
  }

  /** Over the allowance: keep the message, merged with what is already held, for the next release. */
  function hold(conn: Connection, bytes: Uint8Array) {
    try {
      const message = parseClientMessage(bytes);
      if (message.kind === "write") conn.held.updates.push(message.update);
      else if (message.kind === "awareness") conn.held.awareness = message.update;
      else conn.held.other.push(bytes);
    } catch {
      return closeConnection(conn, CLOSE.malformed, "malformed message");
    }
    if (conn.releaseTimer === null) conn.releaseTimer = setTimeout(() => release(conn), Math.max(conn.bucket.waitMs(), 10));
  }

  function release(conn: Connection) {
    conn.releaseTimer = null;
    if (conn.closed) return;
    const { updates, awareness, other } = conn.held;
    conn.held = { updates: [], awareness: null, other: [] };
    conn.bucket.take();
    for (const bytes of other) handle(conn, bytes);
    if (updates.length > 0) {
      let merged: Uint8Array;
      try {
        for (const update of updates) Y.decodeUpdate(update);
        merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      } catch {
        return closeConnection(conn, CLOSE.malformed, "malformed message");
      }
      handle(conn, updateMessage(merged));
    }
    if (awareness) handle(conn, awarenessMessage(awareness));
  }

  function handleMessage(conn: Connection, bytes: Uint8Array) {
    if (conn.closed) return;
    const message = parseClientMessage(bytes);
    const room = conn.room;
    switch (message.kind) {
      case "sync-step1":
        sendTo(conn, syncStep2Message(room.missingFor(message.stateVector)));
        return;
      case "write": {
        // Throws on a malformed update, which closes only this connection.
        if (isEmptyUpdate(message.update)) return;
        if (conn.access !== "write") {
          sendTo(conn, permissionDeniedMessage("read-only"));
          return;
        }
        if (!room.hasRoomFor(message.update.byteLength)) {
          sendTo(conn, permissionDeniedMessage("document-too-large"));
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
    const byId = owners.get(room) as Map<number, Connection>;
    const accepted = entries.flatMap((entry) => {
      const owner = byId.get(entry.clientId);
      if (owner && owner !== conn) return [];
      // Someone else's client id, announced from another node.
      if (!owner && room.awareness.getStates().has(entry.clientId) && !conn.clientIds.has(entry.clientId)) return [];
      if (entry.state && "tooLarge" in entry.state) return [];
      conn.clientIds.add(entry.clientId);
      byId.set(entry.clientId, conn);
      return [{ ...entry, state: entry.state ? rewriteState(entry.state, conn.pseudonym) : null }];
    });
    if (accepted.length > 0) applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(accepted), conn);
  }

  function sendTo(conn: Connection, message: Uint8Array) {
    if (conn.closed || conn.ws.readyState !== conn.ws.OPEN) return;
    // A client that stops reading must not make the server hold an ever-growing queue for it.
    if (conn.ws.bufferedAmount > maxBuffered) {
      conn.ws.terminate();
      detach(conn);
      return;
    }
    conn.ws.send(message);
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
    if (conn.releaseTimer) clearTimeout(conn.releaseTimer);
    connections.delete(conn);
    watch.remove(conn);
    const room = conn.room;
    room.connections.delete(conn);
    const byId = owners.get(room);
    for (const id of conn.clientIds) if (byId?.get(id) === conn) byId.delete(id);
    if (conn.clientIds.size > 0) removeAwarenessStates(room.awareness, [...conn.clientIds], null);
    if (room.connections.size === 0) {
      // Unload once everything is stored, unless someone joined meanwhile.
      void room.flushed().then(() => {
        if (room.connections.size === 0) unload(room);
      });
    }
  }

  const tick = (everything: boolean) => watch.tick(everything).catch((error) => log(`re-checking connections failed: ${String(error)}`));
  const recheckTimer = setInterval(() => void tick(false), options.recheckIntervalMs ?? 2000);
  recheckTimer.unref();
  const fullTimer = setInterval(() => void tick(true), options.fullRecheckIntervalMs ?? 60_000);
  fullTimer.unref();

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  async function close(timeoutMs = 10_000): Promise<void> {
    if (closing) return;
    closing = true;
    clearInterval(recheckTimer);
    clearInterval(fullTimer);
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    // Read nothing more; store what was accepted; then say goodbye. Clients re-send anything
    // unacknowledged when they reconnect.
    for (const conn of connections) conn.ws.pause();
    const flushed = writer.flushed().then(() => Promise.all([...rooms.values()].map((room) => room.flushed())));
    const timedOut = await Promise.race([
      flushed.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), timeoutMs).unref()),
    ]);
    if (timedOut) log(`stopping with writes still pending after ${timeoutMs} ms`);
    const sockets = [...connections].map((conn) => conn.ws);
    for (const conn of [...connections]) {
      conn.ws.resume();
      closeConnection(conn, CLOSE.restart, "server stopping");
    }
    // Clients that do not answer the closing handshake promptly are cut off.
    const cutOff = setTimeout(() => {
      for (const ws of sockets) ws.terminate();
    }, 1000);
    for (const [socket, timer] of pendingSockets) {
      clearTimeout(timer);
      socket.destroy();
    }
    for (const room of [...rooms.values()]) unload(room);
    consoles.closeAll(CLOSE.restart, "server stopping");
    wss.close();
    server.closeAllConnections();
    await stopped;
    clearTimeout(cutOff);
    await fanout?.close();
  }

  return {
    port,
    server,
    recheckAll: () => tick(true),
    recheckChanges: () => tick(false),
    close,
    connectionCount: () => connections.size + consoles.connectionCount(),
    roomCount: () => rooms.size,
    liveRoomCount: () => [...rooms.values()].filter((room) => room.isLive).length,
  };
}
