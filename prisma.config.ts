import { defineConfig } from "prisma/config";

// generate/validate/format never run the schema engine, but Prisma looks for it and would try to
// download it; any existing file satisfies the lookup so the tools work offline.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/tafel" },
});
