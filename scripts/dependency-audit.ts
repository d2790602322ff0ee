// Fails when a production dependency has a high or critical advisory that is not on the reviewed
// allow-list (security/audit-allowlist.json), or is on it past its expiry date. Reads the report
// of `npm audit --omit=dev --json`. When the advisory service cannot be reached (some registry
// mirrors refuse its endpoint), says so and passes, unless TAFEL_AUDIT_REQUIRED=1.
// Usage: npx tsx scripts/dependency-audit.ts
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export type AllowedAdvisory = { advisory: string; package: string; reason: string; expires: string };
export type AuditFinding = { package: string; severity: string; advisory: string; title: string };
type Via = string | { source?: number; url?: string; title?: string; severity?: string; name?: string };
type Report = {
  vulnerabilities?: Record<string, { severity: string; via: Via[] }>;
  error?: unknown;
  statusCode?: number;
  message?: string;
};

const BLOCKING = new Set(["high", "critical"]);

/** The findings at high or critical severity, one per advisory and package. */
export function findingsOf(report: Report): AuditFinding[] {
  const found = new Map<string, AuditFinding>();
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via) {
      // A string names another vulnerable package this one depends on; that package is listed itself.
      if (typeof via === "string") continue;
      const severity = via.severity ?? vulnerability.severity;
      if (!BLOCKING.has(severity)) continue;
      const advisory = via.url ?? String(via.source ?? "");
      found.set(`${advisory} ${name}`, { package: name, severity, advisory, title: via.title ?? "" });
    }
  }
  return [...found.values()];
}

/** What blocks: findings without an allow-list entry that is still in force on `today` (yyyy-mm-dd). */
export function blockingFindings(findings: AuditFinding[], allowed: AllowedAdvisory[], today: string): AuditFinding[] {
  return findings.filter(
    (finding) => !allowed.some((a) => a.advisory === finding.advisory && a.package === finding.package && a.expires >= today),
  );
}

/** The report could not be made: the advisory service was unreachable or refused the request. */
export function unreachable(report: Report): string | null {
  if (report.vulnerabilities) return null;
  return report.message ?? (report.statusCode ? `HTTP ${report.statusCode}` : "no report");
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const allowlist = JSON.parse(readFileSync(path.join(root, "security/audit-allowlist.json"), "utf8")) as { advisories: AllowedAdvisory[] };
  let output = "";
  try {
    output = (await promisify(execFile)("npm", ["audit", "--omit=dev", "--json"], { cwd: root, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    // npm audit exits non-zero when it finds anything; the report is still on stdout.
    output = (error as { stdout?: string }).stdout ?? "";
  }
  let report: Report;
  try {
    report = JSON.parse(output) as Report;
  } catch {
    report = { message: "npm audit gave no report" };
  }
  const problem = unreachable(report);
  if (problem) {
    console.log(`dependency audit: could not check (${problem}).`);
    process.exit(process.env.TAFEL_AUDIT_REQUIRED === "1" ? 1 : 0);
  }
  const today = new Date().toISOString().slice(0, 10);
  const blocking = blockingFindings(findingsOf(report), allowlist.advisories, today);
  for (const f of blocking) console.log(`dependency audit: ${f.severity} ${f.package}: ${f.title} (${f.advisory})`);
  console.log(`dependency audit: ${blocking.length === 0 ? "no" : blocking.length} unreviewed high or critical advisories`);
  process.exit(blocking.length === 0 ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
