import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newDemoPassphrase } from "../features/demo/passphrase.ts";
import { passphraseProblem } from "../features/identity/passphrase.ts";
import { demoDecision, isLoopbackHost, storeDemoPassphrase, storedDemoPassphrase } from "./demo-policy.ts";

describe("whether a start loads the demo", () => {
  // seed flag, embedded, empty database, host → decision
  const cases: [boolean, boolean, boolean, string, ReturnType<typeof demoDecision>][] = [
    [false, true, true, "127.0.0.1", "load"],
    [false, true, true, "localhost", "load"],
    [false, true, true, "::1", "load"],
    [false, true, true, "0.0.0.0", "not-on-network"],
    [false, true, true, "::", "not-on-network"],
    [false, true, true, "192.168.1.20", "not-on-network"],
    [false, true, true, "tafel.example", "not-on-network"],
    [false, true, false, "127.0.0.1", "skip"],
    [false, false, true, "127.0.0.1", "skip"],
    [true, false, false, "0.0.0.0", "load"],
    [true, true, true, "0.0.0.0", "load"],
  ];
  for (const [seedFlag, embedded, empty, host, expected] of cases) {
    it(`${expected} with${seedFlag ? "" : "out"} --seed, ${embedded ? "embedded" : "own PostgreSQL"}, ${empty ? "empty" : "used"} database, HOST=${host}`, () => {
      expect(demoDecision({ seedFlag, embedded, empty, host })).toBe(expected);
    });
  }

  it("counts only this computer's own addresses as loopback", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"].every(isLoopbackHost)).toBe(true);
    expect(["0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "example.org", ""].some(isLoopbackHost)).toBe(false);
  });
});

describe("the demo passphrase", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tafel-demo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is made anew, passes the passphrase rules, and is kept readable by its owner only", () => {
    expect(storedDemoPassphrase(dir)).toBeNull();
    const passphrase = storeDemoPassphrase(dir, newDemoPassphrase());
    expect(passphraseProblem(passphrase)).toBeNull();
    expect(storedDemoPassphrase(dir)).toBe(passphrase);
    expect(readFileSync(path.join(dir, "demo-passphrase"), "utf8").trim()).toBe(passphrase);
    expect(statSync(path.join(dir, "demo-passphrase")).mode & 0o777).toBe(0o600);
    const other = mkdtempSync(path.join(tmpdir(), "tafel-demo-"));
    expect(storeDemoPassphrase(other, newDemoPassphrase())).not.toBe(passphrase);
    rmSync(other, { recursive: true, force: true });
  });
});
