import { expect, test } from "@playwright/test";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("Tafel can be added to a phone's home screen: manifest, icons and favicon", async ({ page, request }) => {
  await page.goto("/");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBeTruthy();
  const manifest = await (await request.get(manifestHref ?? "")).json();
  expect(manifest).toMatchObject({ name: "Tafel", start_url: "/", display: "standalone" });

  const pngIcons = (manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]).filter(
    (icon) => icon.type === "image/png",
  );
  // Android needs 192 and 512 pixels, one of them safe to mask into the launcher's shape.
  expect(pngIcons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(pngIcons.some((icon) => icon.purpose === "maskable")).toBe(true);
  for (const icon of pngIcons) {
    const response = await request.get(icon.src);
    expect(response.headers()["content-type"]).toBe("image/png");
    const [width] = icon.sizes.split("x").map(Number);
    expect(pngSize(await response.body())).toEqual({ width, height: width });
  }

  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect(pngSize(await (await request.get(apple ?? "")).body())).toEqual({ width: 180, height: 180 });

  const favicon = await request.get("/favicon.ico");
  expect(favicon.ok()).toBe(true);
  // An icon directory (type 1) holding at least the 16 and 32 pixel images.
  const ico = await favicon.body();
  expect(ico.readUInt16LE(2)).toBe(1);
  expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(2);
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
});
