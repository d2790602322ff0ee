// When the start script loads the demo, and where it keeps the demo passphrase.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";

/** Whether HOST only accepts connections from this computer. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  if (isIP(bare) === 6) return bare === "::1" || /^::ffff:127\./.test(bare);
  return false;
}

export type DemoDecision = "load" | "skip" | "not-on-network";

/**
 * The demo (known accounts, a passphrase printed on the console) is for trying Tafel on one's
 * own computer: it loads on the first embedded start only while the web app listens on loopback.
 * `--seed` asks for it explicitly, anywhere.
 */
export function demoDecision(options: { seedFlag: boolean; embedded: boolean; empty: boolean; host: string }): DemoDecision {
  if (options.seedFlag) return "load";
  if (!options.embedded || !options.empty) return "skip";
  return isLoopbackHost(options.host) ? "load" : "not-on-network";
}

export function demoPassphraseFile(dataDir: string): string {
  return path.join(dataDir, "demo-passphrase");
}

export function storedDemoPassphrase(dataDir: string): string | null {
  const file = demoPassphraseFile(dataDir);
  return existsSync(file) ? readFileSync(file, "utf8").trim() || null : null;
}

/** Keeps the demo passphrase in the data folder, readable by its owner only. */
export function storeDemoPassphrase(dataDir: string, passphrase: string): string {
  const file = demoPassphraseFile(dataDir);
  writeFileSync(file, `${passphrase}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return passphrase;
}
