// Renders the app icons from their SVG sources in public/ with the test browser, so the PNGs a
// phone's home screen needs and the favicon stay in step with the artwork.
// Usage: npx tsx scripts/render-icons.ts   (writes public/icons/*.png and public/favicon.ico)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const publicDir = path.join(root, "public");

const targets = [
  { source: "icon.svg", file: "icons/icon-192.png", size: 192 },
  { source: "icon.svg", file: "icons/icon-512.png", size: 512 },
  // Maskable icons fill the whole square; the launcher cuts its own shape out of them.
  { source: "icons/maskable.svg", file: "icons/maskable-512.png", size: 512 },
  // iOS rounds the corners itself and shows transparency as black.
  { source: "icons/maskable.svg", file: "icons/apple-touch-icon.png", size: 180 },
];
const faviconSizes = [16, 32, 48];

/** An .ico file whose images are PNGs (supported by every current browser). */
export function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking"],
  });
  const render = async (source: string, size: number) => {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = readFileSync(path.join(publicDir, source), "utf8");
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    return png;
  };
  for (const target of targets) writeFileSync(path.join(publicDir, target.file), await render(target.source, target.size));
  const favicons = [];
  for (const size of faviconSizes) favicons.push({ size, png: await render("icon.svg", size) });
  writeFileSync(path.join(publicDir, "favicon.ico"), icoFromPngs(favicons));
  await browser.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
