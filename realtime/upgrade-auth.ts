// Who is asking to open a document, decided before the WebSocket handshake completes: a valid
// session cookie, an allowed Origin, and access to the document under the table policy.
import type { IncomingMessage } from "node:http";
import { parse as parseCookie } from "cookie";
import { type DocAccess, docAccess } from "../features/docs/access.ts";
import type { SessionLimits } from "../features/identity/model.ts";
import { activeSession } from "../features/identity/sessions.ts";
import { claimsFromCookies } from "../features/identity/token.ts";
import type { Db } from "../prisma/db.ts";

export type Admission =
  | {
      ok: true;
      docName: string;
      schema: string | null;
      accountId: string;
      sessionId: string;
      pseudonym: string;
      presence: boolean;
      access: Exclude<DocAccess, "none">;
    }
  | { ok: false; status: 401 | 403 | 404; reason: string };

export type AdmissionOptions = {
  db: Db;
  secret: string;
  secureCookie: boolean;
  allowedOrigins: Set<string>;
  sessionLimits: SessionLimits;
  now: () => Date;
};

export async function admit(request: IncomingMessage, options: AdmissionOptions): Promise<Admission> {
  const origin = request.headers.origin;
  if (!origin || !options.allowedOrigins.has(origin)) return { ok: false, status: 403, reason: "origin not allowed" };
  const url = new URL(request.url ?? "/", "http://realtime.invalid");
  const docName = decodeURIComponent(url.pathname.slice(1));
  if (!docName || docName.length > 200) return { ok: false, status: 404, reason: "unknown document" };
  const cookies = parseCookie(request.headers.cookie ?? "");
  const claims = await claimsFromCookies(cookies as Record<string, string>, { secret: options.secret, secureCookie: options.secureCookie });
  if (!claims) return { ok: false, status: 401, reason: "not signed in" };
  const session = await activeSession(options.db, claims.sessionId, options.sessionLimits, options.now());
  if (!session || session.accountId !== claims.accountId) return { ok: false, status: 401, reason: "session ended" };
  const access = await docAccess(options.db, session.accountId, docName);
  if (access === "none") return { ok: false, status: 403, reason: "no access" };
  return {
    ok: true,
    docName,
    schema: url.searchParams.get("schema"),
    accountId: session.accountId,
    sessionId: session.sessionId,
    pseudonym: session.pseudonym,
    presence: session.presenceEnabled,
    access,
  };
}
