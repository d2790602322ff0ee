// The session cookie is next-auth's encrypted JWT. It carries only two ids; everything else
// (pseudonym, roles, presence) is read from the database on use.
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getToken, type JWT } from "next-auth/jwt";

export type SessionClaims = { accountId: string; sessionId: string };

export const SESSION_COOKIE = { http: "next-auth.session-token", https: "__Secure-next-auth.session-token" } as const;

export function usesSecureCookie(nextAuthUrl: string): boolean {
  return nextAuthUrl.startsWith("https://");
}

/** Reads the claims from a parsed Cookie header (next-auth also joins chunked .0/.1 cookies). */
export async function claimsFromCookies(
  cookies: Record<string, string>,
  options: { secret: string; secureCookie: boolean },
): Promise<SessionClaims | null> {
  try {
    const token = await getToken({
      // getToken reads req.cookies; a raw upgrade request has none, so hand it the parsed header.
      req: { cookies, headers: {} } as never,
      secret: options.secret,
      secureCookie: options.secureCookie,
      decode: decodeWithCachedKey,
    });
    if (!token || typeof token.sub !== "string" || typeof token.sid !== "string") return null;
    return { accountId: token.sub, sessionId: token.sid };
  } catch {
    return null;
  }
}

// next-auth derives the cookie's key from the secret with HKDF on every read; the realtime server
// reads a cookie for every connection, and that derivation was its largest single cost of
// admitting one. Same key, same algorithm and clock tolerance as next-auth's own decode.
const keys = new Map<string, Uint8Array>();

function keyFor(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.set(secret, key);
  }
  return key;
}

async function decodeWithCachedKey({ token, secret }: { token?: string; secret: string | Buffer }): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, keyFor(String(secret)), { clockTolerance: 15 });
  return payload as JWT;
}
