// The session cookie is next-auth's encrypted JWT. It carries only two ids; everything else
// (pseudonym, roles, presence) is read from the database on use.
import { getToken } from "next-auth/jwt";

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
    });
    if (!token || typeof token.sub !== "string" || typeof token.sid !== "string") return null;
    return { accountId: token.sub, sessionId: token.sid };
  } catch {
    return null;
  }
}
