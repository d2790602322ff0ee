import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { claimsFromCookies, SESSION_COOKIE } from "./token.ts";

const secret = "a-secret-long-enough-for-the-tests-0123456789";
const options = { secret, secureCookie: false };
const accountId = "6f1f8a4e-3c1b-4c55-9d57-0a9c3f1e2b7d";
const sessionId = "0b3c6f2a-9e1d-4a8b-8c7e-5d4f3a2b1c0e";

async function cookie(token: Record<string, unknown>, key = secret, maxAge?: number) {
  return { [SESSION_COOKIE.http]: await encode({ token, secret: key, ...(maxAge === undefined ? {} : { maxAge }) }) };
}

describe("the session cookie read by the realtime server", () => {
  it("reads the ids from a cookie next-auth wrote, again and again with the same key", async () => {
    for (let i = 0; i < 3; i++) {
      expect(await claimsFromCookies(await cookie({ sub: accountId, sid: sessionId }), options)).toEqual({ accountId, sessionId });
    }
  });

  it("refuses a cookie sealed with another secret, a changed one, an expired one, or one without both ids", async () => {
    expect(
      await claimsFromCookies(await cookie({ sub: accountId, sid: sessionId }, "another-secret-of-sufficient-length-98765"), options),
    ).toBeNull();
    const good = (await cookie({ sub: accountId, sid: sessionId }))[SESSION_COOKIE.http] as string;
    const changed = `${good.slice(0, -6)}${good.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await claimsFromCookies({ [SESSION_COOKIE.http]: changed }, options)).toBeNull();
    expect(await claimsFromCookies(await cookie({ sub: accountId, sid: sessionId }, secret, -60), options)).toBeNull();
    expect(await claimsFromCookies(await cookie({ sub: accountId }), options)).toBeNull();
    expect(await claimsFromCookies({}, options)).toBeNull();
  });

  it("reads the secure cookie only when asked for it", async () => {
    const secure = { [SESSION_COOKIE.https]: (await cookie({ sub: accountId, sid: sessionId }))[SESSION_COOKIE.http] as string };
    expect(await claimsFromCookies(secure, { secret, secureCookie: true })).toEqual({ accountId, sessionId });
    expect(await claimsFromCookies(secure, options)).toBeNull();
  });
});
