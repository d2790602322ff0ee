import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["features/**/*.test.ts", "i18n/**/*.test.ts", "realtime/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests never touch the developer's data or the database DATABASE_URL names: each file gets its own.
    env: { TAFEL_TEST: "1" },
  },
});
