// Who is asking, for the per-address limits on signing in and signing up.
//
// Next.js gives route handlers and server actions no socket address, and the X-Forwarded-For it
// passes on is whatever the client sent (Next only fills it in when it is missing). So the web
// server in front of Next (scripts/web-server.ts) decides the address from the socket, honours
// X-Forwarded-For only when the socket is a configured trusted proxy, and hands the result to the
// app in one header that it overwrites on every request. The header carries an HMAC under a key
// that only that server process holds, so a client cannot forge it, and an app started without
// that server (plain `next start`) sees no address at all rather than one a client chose.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

export const CLIENT_ADDRESS_HEADER = "x-tafel-client-address";
/** Set by the web server in its own process, before Next loads; never configured by hand. */
export const CLIENT_ADDRESS_KEY_ENV = "TAFEL_CLIENT_ADDRESS_KEY";

export type TrustProxy = (address: string, hop: number) => boolean;

/** A trust function for the addresses and CIDR ranges of TAFEL_TRUSTED_PROXIES (validated in env.ts). */
export function trustedProxies(list: readonly string[]): TrustProxy {
  return proxyaddr.compile([...list]);
}

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) is the IPv4 address 127.0.0.1. */
function normalise(address: string): string {
  return address.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1");
}

/**
 * The client's address: the socket's, or, when the socket is a trusted proxy, the nearest
 * address in X-Forwarded-For that is not itself a trusted proxy.
 */
export function clientAddressOf(request: Pick<IncomingMessage, "headers" | "socket">, trust: TrustProxy): string | null {
  if (!request.socket?.remoteAddress) return null;
  const address = proxyaddr(request as IncomingMessage, trust);
  return address ? normalise(address) : null;
}

export function newClientAddressKey(): string {
  return randomBytes(32).toString("base64url");
}

function mac(key: string, address: string): string {
  return createHmac("sha256", key).update(address).digest("base64url");
}

/** Replaces whatever the client sent in the header with the address this server decided. */
export function stampClientAddress(request: Pick<IncomingMessage, "headers" | "socket">, trust: TrustProxy, key: string): void {
  delete request.headers[CLIENT_ADDRESS_HEADER];
  const address = clientAddressOf(request, trust);
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = `${address} ${mac(key, address)}`;
}

/** The address stamped by the web server, or null when there is none or it was not stamped by it. */
export function readClientAddress(
  headers: Record<string, string | string[] | undefined> | Headers | undefined,
  key: string | undefined = process.env[CLIENT_ADDRESS_KEY_ENV],
): string | null {
  if (!headers || !key) return null;
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const [address, proof, extra] = (value ?? "").split(" ");
  if (!address || !proof || extra !== undefined) return null;
  const expected = Buffer.from(mac(key, address));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given) ? address : null;
}
