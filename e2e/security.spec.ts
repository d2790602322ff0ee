// The browser-facing security baseline (docs/security.md names these tests): the Content-Security-
// Policy with a fresh nonce per response and the usual headers, inline scripts that are not the
// app's own blocked, state-changing requests from another site refused, and forms that cannot
// leak what was typed into the address before the page is interactive.
import { expect, test } from "@playwright/test";
import { makeAccount, testDb } from "./support/data.ts";
import { messages, signIn } from "./support/pages.ts";

const nl = messages.nl;

test("every page carries a nonce-based Content-Security-Policy and the usual security headers", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const csp = first.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).not.toContain("unsafe-eval");
  // A new nonce for every response.
  const nonce = (value: string) => /'nonce-([^']+)'/.exec(value)?.[1];
  expect(nonce(second.headers()["content-security-policy"] ?? "")).not.toBe(nonce(csp));
  // Every script the page itself carries has that nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce(csp)}"`);
  const headers = first.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("a script smuggled into a page's HTML does not run, and the browser reports the violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // As if stored text had escaped into the page: a parser-inserted inline script without the nonce.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.__injected = true;</script></body>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});

test("a state-changing request that another site makes in a signed-in browser is refused", async ({ page }) => {
  const account = await makeAccount("Kwartel");
  await signIn(page, account);
  await page.goto("/settings");
  // Catch the form's own post, then send exactly that post as a page on another site would,
  // with the person's cookie but another origin.
  const posted = page.waitForRequest((request) => request.method() === "POST" && request.url().includes("/settings"));
  await page.route("**/settings", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  await page.getByRole("button", { name: nl.settings.consentSave }).first().click();
  const request = await posted;
  await page.unroute("**/settings");
  const replay = (origin: string) =>
    page.request.fetch(request.url(), { method: "POST", headers: { ...request.headers(), origin }, data: request.postDataBuffer() ?? "" });
  const foreign = await replay("https://elders.example");
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await testDb().consentRecord.count({ where: { accountId: account.id } })).toBe(0);
  // The same post from Tafel's own origin goes through.
  const own = await replay(new URL(request.url()).origin);
  expect(own.status()).toBe(200);
  expect(await testDb().consentRecord.count({ where: { accountId: account.id } })).toBeGreaterThan(0);
});

test("a form sent before the page is ready never puts a passphrase or code into the address", async ({ browser }) => {
  // Without scripts the page is as it is before it becomes interactive, on a slow phone.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, button] of [
    ["/sign-in", nl.auth.submitSignIn],
    ["/sign-in/recover", nl.auth.recoverSubmit],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: button })).toBeDisabled();
    await page.getByLabel(nl.auth.signInName).fill("iemand");
    const secret = page.getByLabel(path === "/sign-in" ? nl.auth.passphrase : nl.auth.newPassphrase);
    await secret.fill("een geheime zin van mij");
    await secret.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    expect(await page.locator("form").first().getAttribute("method")).toBe("post");
  }
  await context.close();
});
