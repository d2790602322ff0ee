import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages.ts";
import { MESSAGES } from "./messages.ts";

const root = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

// Every hook call, in components that may run in the browser; server pages use getTranslations.
const hookCalls = [...sources("app"), ...sources("features")].flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/useTranslations\(([^)]*)\)/g)].map((match) => ({
    file: path.relative(root, file),
    argument: (match[1] ?? "").trim(),
  })),
);

const covered = (namespace: string) => CLIENT_NAMESPACES.some((listed) => namespace === listed || namespace.startsWith(`${listed}.`));

describe("messages sent to the browser", () => {
  it("finds the components that translate in the browser", () => {
    expect(hookCalls.length).toBeGreaterThan(20);
  });

  it("names every namespace with a literal, so the list can be checked", () => {
    expect(hookCalls.filter((call) => !/^"[\w.]+"$/.test(call.argument))).toEqual([]);
  });

  it("includes every namespace a component asks for", () => {
    const missing = hookCalls.filter((call) => !covered(call.argument.slice(1, -1)));
    expect(missing).toEqual([]);
  });

  it("lists only namespaces that exist", () => {
    const english = MESSAGES.en as unknown as Record<string, unknown>;
    const exists = (namespace: string) =>
      namespace.split(".").reduce<unknown>((tree, key) => (tree as Record<string, unknown> | undefined)?.[key], english) !== undefined;
    expect(CLIENT_NAMESPACES.filter((namespace) => !exists(namespace))).toEqual([]);
  });

  it("keeps the listed parts whole and leaves the rest out", () => {
    const picked = clientMessages(MESSAGES.nl as never) as Record<string, Record<string, unknown>>;
    expect(picked.errors).toEqual(MESSAGES.nl.errors);
    expect(picked.participation).toEqual({ forms: MESSAGES.nl.participation.forms });
    expect(picked.measures).toBeUndefined();
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(MESSAGES.nl).length * 0.6);
  });
});
