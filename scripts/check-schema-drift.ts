// Fails when prisma/schema.prisma and prisma/migrations describe different databases.
// Usage: npx tsx scripts/check-schema-drift.ts [schema.prisma]   (exit 0 in sync, 1 drift, 2 could not check)
//
// `prisma migrate diff --from-migrations` does not work offline here (it needs the native engine or
// a shadow database Prisma 6's js engine cannot use), so both sides are built for real and their
// catalogs compared: the migrations applied by our own runner to one fresh PGlite, and the SQL
// Prisma 6's wasm engine writes for the schema from empty, run in another.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { migrate } from "../prisma/migrate.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const run = promisify(execFile);

/** Every database object that matters for drift, by name, with a description that changes when it does. */
export type Catalog = Map<string, string>;

export type Difference = { object: string; migrations: string | null; schema: string | null };

const CATALOG_QUERIES: { sql: string; entry: (row: Record<string, unknown>) => [string, string] }[] = [
  {
    sql: `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname <> '_prisma_migrations'`,
    entry: (row) => [`table "${row.name}"`, "exists"],
  },
  {
    // Column order is left out: a migration that adds a column appends it, while the schema may list it anywhere.
    sql: `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
                 a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
                 a.attidentity AS identity, a.attgenerated AS generated, co.collname AS collation
          FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0 AND co.collname <> 'default'
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            AND c.relname <> '_prisma_migrations'`,
    entry: (row) => [
      `column "${row.table}"."${row.column}"`,
      [
        row.type,
        row.collation ? `COLLATE "${row.collation}"` : "",
        row.not_null ? "NOT NULL" : "NULL",
        row.default_expr ? `DEFAULT ${row.default_expr}` : "",
        row.identity ? `IDENTITY ${row.identity === "a" ? "ALWAYS" : "BY DEFAULT"}` : "",
        row.generated ? "GENERATED" : "",
      ]
        .filter(Boolean)
        .join(" "),
    ],
  },
  {
    sql: `SELECT indexname AS name, indexdef AS def FROM pg_indexes
          WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    entry: (row) => [`index "${row.name}"`, String(row.def)],
  },
  {
    // Primary keys, unique constraints, foreign keys (with their ON DELETE/UPDATE actions) and checks.
    sql: `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def
          FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`,
    entry: (row) => [`constraint "${row.table}"."${row.name}"`, String(row.def)],
  },
  {
    sql: `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    entry: (row) => [`enum "${row.name}"`, "exists"],
  },
  {
    // One entry per value: Prisma treats an enum as a set, and ALTER TYPE ... ADD VALUE appends
    // where the schema may list a value in the middle, so order is not drift.
    sql: `SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t
          JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public'`,
    entry: (row) => [`enum value "${row.name}".'${row.label}'`, "exists"],
  },
  {
    sql: `SELECT sequencename AS name, data_type AS type FROM pg_sequences WHERE schemaname = 'public'`,
    entry: (row) => [`sequence "${row.name}"`, String(row.type)],
  },
  {
    sql: `SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql'`,
    entry: (row) => [`extension "${row.name}"`, "exists"],
  },
];

export async function readCatalog(db: PGlite): Promise<Catalog> {
  const catalog: Catalog = new Map();
  for (const query of CATALOG_QUERIES) {
    const { rows } = await db.query<Record<string, unknown>>(query.sql);
    for (const row of rows) {
      const [key, description] = query.entry(row);
      catalog.set(key, description);
    }
  }
  return catalog;
}

/** The catalog of a fresh database after our runner has applied every migration. */
export async function catalogFromMigrations(): Promise<Catalog> {
  const db = await PGlite.create();
  try {
    // The runner speaks the wire protocol, as it does in production.
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 2 });
    await server.start();
    try {
      await migrate(`postgresql://postgres@${server.getServerConn()}/postgres`);
    } finally {
      await server.stop();
    }
    return await readCatalog(db);
  } finally {
    await db.close();
  }
}

/** The SQL that creates, from empty, the database a schema file describes (Prisma 6's wasm engine). */
export async function schemaSql(schemaPath: string): Promise<string> {
  const schema = await readFile(schemaPath, "utf8");
  if (!/^[ \t]*provider[ \t]*=[ \t]*"postgresql"/m.test(schema)) throw new Error(`${schemaPath}: no postgresql datasource`);
  // Prisma 6 insists on a url in the datasource block, which Prisma 7 forbids.
  const withUrl = schema.replace(/^([ \t]*provider[ \t]*=[ \t]*"postgresql")/m, '$1\n  url = "postgresql://unused"');
  const dir = await mkdtemp(path.join(tmpdir(), "tafel-drift-"));
  try {
    const file = path.join(dir, "schema.prisma");
    await writeFile(file, withUrl);
    const cli = path.join(root, "node_modules", "prisma6", "build", "index.js");
    const args = ["migrate", "diff", "--config", "prisma6.config.ts", "--from-empty", "--to-schema-datamodel", file, "--script"];
    try {
      const { stdout } = await run(process.execPath, [cli, ...args], {
        cwd: root,
        env: { ...process.env, CHECKPOINT_DISABLE: "1" },
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`prisma migrate diff failed for ${schemaPath}:\n${stderr || stdout || String(error)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The catalog of a fresh database after running the given SQL. */
export async function catalogFromSql(sql: string): Promise<Catalog> {
  const db = await PGlite.create();
  try {
    await db.exec(sql);
    return await readCatalog(db);
  } finally {
    await db.close();
  }
}

export async function catalogFromSchema(schemaPath: string): Promise<Catalog> {
  return catalogFromSql(await schemaSql(schemaPath));
}

export function compareCatalogs(migrations: Catalog, schema: Catalog): Difference[] {
  const keys = [...new Set([...migrations.keys(), ...schema.keys()])].sort();
  return keys
    .map((object) => ({ object, migrations: migrations.get(object) ?? null, schema: schema.get(object) ?? null }))
    .filter((difference) => difference.migrations !== difference.schema);
}

export function formatDifferences(differences: Difference[], schemaPath = "prisma/schema.prisma"): string {
  if (differences.length === 0) return `${schemaPath} and prisma/migrations are in sync.`;
  const lines = [`${schemaPath} and prisma/migrations differ (${differences.length}):`];
  const described = (object: string, description: string | null) => (description === "exists" ? object : `${object}: ${description}`);
  const group = (title: string, items: Difference[], show: (d: Difference) => string[]) => {
    if (items.length === 0) return;
    lines.push("", title);
    for (const item of items) lines.push(...show(item));
  };
  group(
    "  In the schema, missing from the migrations:",
    differences.filter((d) => d.migrations === null),
    (d) => [`    + ${described(d.object, d.schema)}`],
  );
  group(
    "  In the migrations, gone from the schema:",
    differences.filter((d) => d.schema === null),
    (d) => [`    - ${described(d.object, d.migrations)}`],
  );
  group(
    "  Different:",
    differences.filter((d) => d.migrations !== null && d.schema !== null),
    (d) => [`    ~ ${d.object}`, `        migrations: ${d.migrations}`, `        schema:     ${d.schema}`],
  );
  lines.push("", "Write a migration for the schema with: npm run db:migration -- <name>");
  return lines.join("\n");
}

/** Builds both databases side by side and lists how they differ (empty when in sync). */
export async function checkSchemaDrift(schemaPath = path.join(root, "prisma", "schema.prisma")): Promise<Difference[]> {
  const [fromMigrations, fromSchema] = await Promise.all([catalogFromMigrations(), catalogFromSchema(schemaPath)]);
  return compareCatalogs(fromMigrations, fromSchema);
}

async function main() {
  const schemaPath = path.resolve(process.argv[2] ?? path.join(root, "prisma", "schema.prisma"));
  const shown = path.relative(process.cwd(), schemaPath) || schemaPath;
  let differences: Difference[];
  try {
    differences = await checkSchemaDrift(schemaPath);
  } catch (error) {
    console.error(`Could not check for schema drift: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (differences.length === 0) {
    console.log(formatDifferences(differences, shown));
    process.exit(0);
  }
  console.error(formatDifferences(differences, shown));
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
