// Real clients for realtime tests: the stock y-websocket provider and raw protocol sockets,
// authenticated with a real next-auth cookie and an Origin header, as a browser sends them.
import { encode } from "next-auth/jwt";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { SCHEMA_VERSION } from "../features/docs/schema.ts";
import { createSession } from "../features/identity/sessions.ts";
import { SESSION_COOKIE } from "../features/identity/token.ts";
import type { Db } from "../prisma/db.ts";
import { makeAccount, makeTable } from "../test/factories.ts";
import { createRealtimeServer, type RealtimeOptions, type RealtimeServer } from "./server.ts";

export const SECRET = "realtime-test-secret-that-is-long-enough-0123456789";
export const ORIGIN = "http://127.0.0.1:3000";
export const LIMITS = { idleMs: 8 * 3_600_000, maxMs: 24 * 3_600_000 };

export function startServer(db: Db, overrides: Partial<RealtimeOptions> = {}): Promise<RealtimeServer> {
  return createRealtimeServer({
    db,
    secret: SECRET,
    secureCookie: false,
    allowedOrigins: new Set([ORIGIN]),
    sessionLimits: LIMITS,
    recheckIntervalMs: 60_000,
    log: () => {},
    ...overrides,
  });
}

export async function cookieFor(
  accountId: string,
  sessionId: string,
  options: { secret?: string; secure?: boolean; maxAge?: number } = {},
) {
  const token = await encode({ token: { sub: accountId, sid: sessionId }, secret: options.secret ?? SECRET, maxAge: options.maxAge });
  return `${options.secure ? SESSION_COOKIE.https : SESSION_COOKIE.http}=${token}`;
}

export type Person = { accountId: string; sessionId: string; cookie: string };

export async function signedIn(db: Db, accountId: string): Promise<Person> {
  const sessionId = await createSession(db, accountId, new Date());
  return { accountId, sessionId, cookie: await cookieFor(accountId, sessionId) };
}

/** A table with a facilitator, a delegate and an observer, each signed in. */
export async function tableWithPeople(db: Db) {
  const table = await makeTable(db, ["delegate", "observer"]);
  const [delegate, observer] = table.members;
  if (!delegate || !observer) throw new Error("members missing");
  return {
    tableId: table.tableId,
    docName: `notes:${table.tableId}`,
    facilitator: await signedIn(db, table.facilitator.accountId),
    delegate: await signedIn(db, delegate.accountId),
    observer: await signedIn(db, observer.accountId),
    membership: { delegate: delegate.membershipId, observer: observer.membershipId },
    facilitatorAccountId: table.facilitator.accountId,
  };
}

export async function outsider(db: Db): Promise<Person> {
  return signedIn(db, (await makeAccount(db)).id);
}

function socketClass(cookie: string, origin: string) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  };
}

export type Client = { doc: Y.Doc; provider: WebsocketProvider; text: () => string; destroy: () => void };

/** The stock provider, as the browser editor uses it. */
export function connect(
  port: number,
  docName: string,
  person: { cookie: string },
  options: { origin?: string; maxBackoffTime?: number } = {},
): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, docName, doc, {
    WebSocketPolyfill: socketClass(person.cookie, options.origin ?? ORIGIN) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { schema: String(SCHEMA_VERSION) },
    ...(options.maxBackoffTime ? { maxBackoffTime: options.maxBackoffTime } : {}),
  });
  // Presence stays off unless a test turns it on.
  provider.awareness.setLocalState(null);
  return {
    doc,
    provider,
    text: () => doc.getText("t").toString(),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A raw socket for crafted messages. Resolves once open, or with the refusal status. */
export function rawSocket(
  port: number,
  docName: string,
  cookie: string | null,
  options: { origin?: string; schema?: string } = {},
): Promise<{ ws: WebSocket; status: number | null; messages: Uint8Array[]; closed: Promise<number> }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { origin: options.origin ?? ORIGIN };
    if (cookie) headers.cookie = cookie;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/${docName}?schema=${options.schema ?? SCHEMA_VERSION}`, { headers });
    const messages: Uint8Array[] = [];
    const closed = new Promise<number>((done) => ws.on("close", (code) => done(code)));
    ws.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
    ws.on("open", () => resolve({ ws, status: null, messages, closed }));
    ws.on("unexpected-response", (_request, response) => {
      resolve({ ws, status: response.statusCode ?? 0, messages, closed });
      response.resume();
    });
    ws.on("error", () => {});
  });
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function synced(client: Client): Promise<void> {
  await waitFor(() => client.provider.synced, "sync");
}

export async function storedRows(db: Db, docName: string): Promise<number> {
  return db.docUpdate.count({ where: { docName } });
}
