// Adds up what one test run did (checks, Vitest, Playwright) and prints "N passed, N failed".
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Counts = { passed: number; failed: number; skipped: number };

export function countRun(dir: string): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  const checks = path.join(dir, "checks.txt");
  if (existsSync(checks)) {
    for (const line of readFileSync(checks, "utf8").split("\n")) {
      if (/^ok (lint|types|build)$/.test(line)) counts.passed += 1;
      if (/^FAILED (lint|types|build)$/.test(line)) counts.failed += 1;
    }
  }
  const vitest = path.join(dir, "vitest.json");
  if (existsSync(vitest)) {
    const report = JSON.parse(readFileSync(vitest, "utf8"));
    counts.passed += report.numPassedTests ?? 0;
    counts.failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (readFileSync(checks, "utf8").includes("FAILED unit")) counts.failed += 1;
  const playwright = path.join(dir, "playwright.json");
  if (existsSync(playwright)) {
    const stats = JSON.parse(readFileSync(playwright, "utf8")).stats ?? {};
    counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    counts.failed += stats.unexpected ?? 0;
    counts.skipped += stats.skipped ?? 0;
    if ((stats.expected ?? 0) + (stats.unexpected ?? 0) === 0 && readFileSync(checks, "utf8").includes("FAILED e2e")) counts.failed += 1;
  } else if (readFileSync(checks, "utf8").includes("FAILED e2e")) counts.failed += 1;
  return counts;
}

if (process.argv[1]?.endsWith("test-summary.ts")) {
  const dirs = process.argv.slice(2);
  const total = dirs
    .map(countRun)
    .reduce((sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed, skipped: sum.skipped + c.skipped }), {
      passed: 0,
      failed: 0,
      skipped: 0,
    });
  if (dirs.length === 1 && dirs[0]) writeFileSync(path.join(dirs[0], "counts.json"), JSON.stringify(total));
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
}
