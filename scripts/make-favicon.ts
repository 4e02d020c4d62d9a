/**
 * Writes app/favicon.ico from app/icon.svg: run `node --import tsx scripts/make-favicon.ts` after
 * changing the icon. Browsers ask for /favicon.ico on their own (bookmarks, tabs opened before the
 * page's <link rel="icon"> arrives), and without the file each ask was a 404 in the console.
 * The SVG is drawn by the Chromium the browser tests use; the ICO holds PNG images (valid in every
 * browser and since Windows Vista), so no image library is needed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const SIZES = [16, 32, 48];

async function drawPngs(svg: string): Promise<Buffer[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const pngs: Buffer[] = [];
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<body style="margin:0">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body>`);
      pngs.push(await page.screenshot({ omitBackground: true }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the images. */
function icoOf(pngs: Buffer[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length + 16 * pngs.length;
  const entries = pngs.map((png, index) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(SIZES[index]!, 0); // width
    entry.writeUInt8(SIZES[index]!, 1); // height
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs]);
}

const pngs = await drawPngs(readFileSync("app/icon.svg", "utf8"));
writeFileSync("app/favicon.ico", icoOf(pngs));
console.log(`app/favicon.ico: ${SIZES.join(", ")} px`);
