import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../test/database.ts";
import { makeAccount } from "../../test/factories.ts";
import { createSession } from "../identity/sessions.ts";
import { signIn } from "../identity/sign-in.ts";
import { newDemoPassphrase, replacePublishedDemoPassphrase } from "./passphrase.ts";
import { DEMO_PEOPLE, seedDemo } from "./seed.ts";

const SECRET = "test-secret-for-demo-passphrase-0123456789";
const PUBLISHED = "lindendam demo tafel";
let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t.close();
});

const attempt = (signInName: string, passphrase: string) => signIn(t.db, { signInName, passphrase, ip: null }, { secret: SECRET });

describe("the demo accounts", () => {
  it("take the passphrase the start script made for this installation", async () => {
    const passphrase = newDemoPassphrase();
    await seedDemo(t.db, new Date("2026-11-24T10:00:00Z"), passphrase);
    for (const person of DEMO_PEOPLE) await expect(attempt(person.signInName, passphrase)).resolves.toHaveProperty("sessionId");
    await expect(attempt("noor", PUBLISHED)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
  });

  it("that still have the formerly published passphrase get a new one and lose their sessions; others keep theirs", async () => {
    const stale = await makeAccount(t.db, { passphrase: PUBLISHED });
    const own = await makeAccount(t.db);
    const open = await createSession(t.db, stale.id, new Date());
    const replacement = newDemoPassphrase();
    expect(await replacePublishedDemoPassphrase(t.db, [stale.signInName, own.signInName], replacement)).toBe(1);
    await expect(attempt(stale.signInName, PUBLISHED)).rejects.toMatchObject({ code: "SIGN_IN_FAILED" });
    await expect(attempt(stale.signInName, replacement)).resolves.toHaveProperty("sessionId");
    await expect(attempt(own.signInName, own.passphrase)).resolves.toHaveProperty("sessionId");
    expect((await t.db.session.findUniqueOrThrow({ where: { id: open } })).revokedAt).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { accountId: stale.id, action: "account.passphrase_changed" } })).toBe(1);
    // Nothing left to replace the second time.
    expect(await replacePublishedDemoPassphrase(t.db, [stale.signInName], newDemoPassphrase())).toBe(0);
  });
});
