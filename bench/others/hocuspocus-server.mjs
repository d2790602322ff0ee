// Hocuspocus 4 with SQLite storage, as @hocuspocus/extension-sqlite sets it up (same schema and
// queries), on node-sqlite3-wasm: the extension's better-sqlite3 cannot be installed without
// downloading or compiling a native module. Prints "listening <port>" when ready.
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import sqlite from "node-sqlite3-wasm";

const file = process.argv[2];
const port = Number(process.env.PORT ?? 0);
const db = new sqlite.Database(file);
db.exec(`CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))`);

const server = new Server({
  port,
  address: "127.0.0.1",
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const row = db.get(`SELECT data FROM "documents" WHERE name = $name ORDER BY rowid DESC`, { $name: documentName });
        return row ? row.data : null;
      },
      store: async ({ documentName, state }) => {
        db.run(`INSERT INTO "documents" ("name", "data") VALUES ($name, $data) ON CONFLICT(name) DO UPDATE SET data = $data`, {
          $name: documentName,
          $data: state,
        });
      },
    }),
  ],
});
await server.listen();
console.log(`listening ${server.address?.port ?? port}`);
const stop = async () => {
  await server.destroy();
  db.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
