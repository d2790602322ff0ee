// The README promises the Node.js version in package.json's "engines". Every installed package
// must support that version too, or `npm ci` warns and parts may not run on it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { engines?: Record<string, string> | string[]; optional?: boolean }>;
};

describe("the declared Node.js version", () => {
  const minimum = semver.minVersion(manifest.engines.node);

  it("is a real minimum that the README states", () => {
    expect(minimum?.version).toBeTruthy();
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toContain(`Node.js ${minimum?.major}.${minimum?.minor}+`);
  });

  it("is supported by every locked package", () => {
    const unsupported = Object.entries(lock.packages)
      .filter(([name]) => name !== "")
      .flatMap(([name, entry]) => {
        const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
        if (!range || !minimum || semver.satisfies(minimum, range, { includePrerelease: true })) return [];
        return [`${name.replace(/^.*node_modules\//, "")} needs node ${range}`];
      });
    expect(unsupported).toEqual([]);
  });
});
