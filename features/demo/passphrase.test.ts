import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { createSession } from "../identity/sessions.ts";
import { signIn } from "../identity/sign-in.ts";
import { newDemoPassphrase, setDemoPassphrase } from "./passphrase.ts";
import { DEMO_PEOPLE, seedDemo } from "./seed.ts";

const SECRET = "test-secret-for-demo-passphrase-0123456789";
let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const attempt = (signInName: string, passphrase: string) => signIn(t.db, { signInName, passphrase, ip: null }, { secret: SECRET });

describe("the demo accounts", () => {
  it("take the passphrase the start script made, and a new one replaces it and ends their sessions", async () => {
    const first = newDemoPassphrase();
    await seedDemo(t.db, new Date("2026-11-24T10:00:00Z"), first);
    for (const person of DEMO_PEOPLE) await expect(attempt(person.signInName, first)).resolves.toHaveProperty("sessionId");
    const noor = await t.db.account.findUniqueOrThrow({ where: { signInName: "noor" } });
    const open = await createSession(t.db, noor.id, new Date());

    const second = newDemoPassphrase();
    await setDemoPassphrase(
      t.db,
      DEMO_PEOPLE.map((person) => person.signInName),
      second,
    );
    await expect(attempt("noor", first)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    await expect(attempt("noor", second)).resolves.toHaveProperty("sessionId");
    expect((await t.db.session.findUniqueOrThrow({ where: { id: open } })).revokedAt).not.toBeNull();
    const audit = await t.db.auditEvent.findMany({ where: { accountId: noor.id, action: "account.passphrase_changed" } });
    expect(audit).toHaveLength(1);
  });
});
