// The address per-address limits use, decided by the web server from real sockets: requests come
// from other loopback addresses (127.0.0.2, 127.0.0.3), which Linux routes like 127.0.0.1.
import { createServer, request, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnvSchema } from "../config/env.ts";
import {
  CLIENT_ADDRESS_HEADER,
  newClientAddressKey,
  readClientAddress,
  stampClientAddress,
  type TrustProxy,
  trustedProxies,
} from "./client-address.ts";

const KEY = newClientAddressKey();
let trust: TrustProxy = trustedProxies([]);
let server: Server;
let port = 0;

beforeAll(async () => {
  // Stamps as the web server does, then answers with what the app would read.
  server = createServer((req, res) => {
    stampClientAddress(req, trust, KEY);
    res.end(JSON.stringify({ address: readClientAddress(req.headers, KEY) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function addressSeen(from: string, headers: Record<string, string> = {}): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, localAddress: from, headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += String(chunk);
      });
      res.on("end", () => resolve((JSON.parse(body) as { address: string | null }).address));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the client address", () => {
  it("is the socket's, whatever X-Forwarded-For or the stamp header a client sends", async () => {
    trust = trustedProxies([]);
    expect(await addressSeen("127.0.0.2")).toBe("127.0.0.2");
    expect(await addressSeen("127.0.0.2", { "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.2");
    // A forged stamp is replaced, never believed.
    expect(await addressSeen("127.0.0.2", { [CLIENT_ADDRESS_HEADER]: "203.0.113.9 forged" })).toBe("127.0.0.2");
  });

  it("comes from X-Forwarded-For only when the socket is a trusted proxy", async () => {
    trust = trustedProxies(["127.0.0.3"]);
    expect(await addressSeen("127.0.0.3", { "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    // The same header from anyone else counts for nothing.
    expect(await addressSeen("127.0.0.2", { "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.2");
    // Without the header, the proxy's own address is all there is.
    expect(await addressSeen("127.0.0.3")).toBe("127.0.0.3");
  });

  it("skips trusted hops from the right, so a client cannot choose its address by prepending one", async () => {
    trust = trustedProxies(["127.0.0.0/29", "10.0.0.0/8"]);
    // client spoofs 198.51.100.1, the real client is 203.0.113.9, then an inner proxy 10.1.2.3.
    const chain = "198.51.100.1, 203.0.113.9, 10.1.2.3";
    expect(await addressSeen("127.0.0.3", { "x-forwarded-for": chain })).toBe("203.0.113.9");
  });

  it("is not read from a header that this process did not stamp", () => {
    expect(readClientAddress({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9 abc" }, KEY)).toBeNull();
    expect(readClientAddress({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }, KEY)).toBeNull();
    // An app started without the web server has no key, so no client-chosen address is used.
    expect(readClientAddress({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9 abc" }, undefined)).toBeNull();
    expect(readClientAddress(undefined, KEY)).toBeNull();
  });
});

describe("TAFEL_TRUSTED_PROXIES", () => {
  const parse = (value?: string) => serverEnvSchema.shape.TAFEL_TRUSTED_PROXIES.safeParse(value);

  it("defaults to no trusted proxy", () => {
    expect(parse(undefined)).toMatchObject({ success: true, data: [] });
  });

  it("takes comma-separated addresses and CIDR ranges, IPv4 and IPv6", () => {
    expect(parse(" 10.0.0.5, 192.168.0.0/16,::1 , 2001:db8::/32 ")).toMatchObject({
      success: true,
      data: ["10.0.0.5", "192.168.0.0/16", "::1", "2001:db8::/32"],
    });
  });

  it("refuses anything else, so a typo stops the server at start", () => {
    for (const bad of ["proxy.example", "10.0.0.0/33", "10.0.0", "*"]) expect(parse(bad).success, bad).toBe(false);
  });
});
