import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3103);
const realtimePort = Number(process.env.E2E_REALTIME_PORT ?? 3104);
const baseURL = `http://127.0.0.1:${port}`;
export const E2E_STATE_DIR = "test-results/e2e-state";

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "test-results/e2e-artifacts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless=new",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // The real start command on a fresh data directory: embedded database (unless DATABASE_URL is
    // set), migrations, demo data (--seed: also on PostgreSQL), web and supervised realtime.
    command: `rm -rf ${E2E_STATE_DIR} && mkdir -p ${E2E_STATE_DIR} && node_modules/.bin/tsx scripts/start.ts --seed`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 15_000 },
    env: {
      PORT: String(port),
      REALTIME_PORT: String(realtimePort),
      HOST: "127.0.0.1",
      TAFEL_DATA_DIR: `${E2E_STATE_DIR}/data`,
      TAFEL_DATABASE_URL_FILE: `${E2E_STATE_DIR}/database-url`,
      NEXTAUTH_SECRET: "e2e-secret-that-is-long-enough-for-jwe-0123456789",
      NEXTAUTH_URL: baseURL,
      // Needed when the run uses DATABASE_URL; on the embedded default the start script makes one.
      ...(process.env.DATABASE_URL
        ? { TAFEL_VAULT_KEY: process.env.TAFEL_VAULT_KEY ?? "ZTJlLXZhdWx0LWtleS10aGlydHktdHdvLWJ5dGVzISE" }
        : {}),
      // A pretend reverse proxy on another loopback address, for the client-address test.
      TAFEL_TRUSTED_PROXIES: "127.0.0.3",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
