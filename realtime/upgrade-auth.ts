// Who is asking to open a document, decided before the WebSocket handshake completes: a valid
// session cookie, an allowed Origin, and access to the document under the table policy. Lookups
// of connections arriving together are answered with one query each (see batch.ts).
import type { IncomingMessage } from "node:http";
import { parse as parseCookie } from "cookie";
import { type DocAccess, docAccessMany } from "../features/docs/access.ts";
import type { SessionLimits } from "../features/identity/model.ts";
import { isUuid, sessionEnd } from "../features/identity/sessions.ts";
import { claimsFromCookies } from "../features/identity/token.ts";
import type { Db } from "../prisma/db.ts";
import { loadSessions, type SessionInfo } from "./access-watch.ts";
import { batched } from "./batch.ts";

export type Admission =
  | {
      ok: true;
      docName: string;
      schema: string | null;
      session: SessionInfo;
      access: Exclude<DocAccess, "none">;
    }
  | { ok: false; status: 401 | 403 | 404 | 429; reason: string };

export type AdmissionOptions = {
  db: Db;
  secret: string;
  secureCookie: boolean;
  allowedOrigins: Set<string>;
  sessionLimits: SessionLimits;
  now: () => Date;
  /** Open connections of an account; more than `maxPerAccount` are refused. */
  connectionsOf: (accountId: string) => number;
  maxPerAccount: number;
};

/** The document a request asks for, or null when its path is not a well-formed name. */
export function docNameOf(url: URL): string | null {
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(1));
  } catch {
    // A badly escaped name is simply not a document.
    return null;
  }
  if (!name || name.length > 200) return null;
  return name;
}

export type Authentication = { ok: true; session: SessionInfo } | { ok: false; status: 401 | 403; reason: string };

/** Who is asking: an allowed Origin and a valid, current session cookie. Shared by documents and the meeting console. */
export function createAuthenticator(
  options: Omit<AdmissionOptions, "connectionsOf" | "maxPerAccount">,
): (request: IncomingMessage) => Promise<Authentication> {
  const session = batched(async (ids: string[]) => {
    const found = await loadSessions(options.db, [...new Set(ids)]);
    return ids.map((id) => found.get(id) ?? null);
  });
  return async function authenticate(request) {
    const origin = request.headers.origin;
    if (!origin || !options.allowedOrigins.has(origin)) return { ok: false, status: 403, reason: "origin not allowed" };
    const cookies = parseCookie(request.headers.cookie ?? "");
    const claims = await claimsFromCookies(cookies as Record<string, string>, {
      secret: options.secret,
      secureCookie: options.secureCookie,
    });
    if (!claims || !isUuid(claims.sessionId)) return { ok: false, status: 401, reason: "not signed in" };
    const info = await session(claims.sessionId);
    if (!info || info.accountId !== claims.accountId || sessionEnd(info, options.sessionLimits, options.now())) {
      return { ok: false, status: 401, reason: "session ended" };
    }
    // As on the web pages: an overdue second factor must be set up before anything else.
    if (info.secondFactorDueAt && info.secondFactorDueAt.getTime() <= options.now().getTime()) {
      return { ok: false, status: 403, reason: "second factor required" };
    }
    return { ok: true, session: info };
  };
}

export function createAdmitter(options: AdmissionOptions): (request: IncomingMessage) => Promise<Admission> {
  const authenticate = createAuthenticator(options);
  const access = batched((requests: { accountId: string; name: string }[]) => docAccessMany(options.db, requests));

  return async function admit(request: IncomingMessage): Promise<Admission> {
    const origin = request.headers.origin;
    if (!origin || !options.allowedOrigins.has(origin)) return { ok: false, status: 403, reason: "origin not allowed" };
    const url = new URL(request.url ?? "/", "http://realtime.invalid");
    const docName = docNameOf(url);
    if (!docName) return { ok: false, status: 404, reason: "unknown document" };
    const authentication = await authenticate(request);
    if (!authentication.ok) return authentication;
    const info = authentication.session;
    const answer = await access({ accountId: info.accountId, name: docName });
    if (answer === "none") return { ok: false, status: 403, reason: "no access" };
    if (options.connectionsOf(info.accountId) >= options.maxPerAccount) return { ok: false, status: 429, reason: "too many connections" };
    return { ok: true, docName, schema: url.searchParams.get("schema"), session: info, access: answer };
  };
}
