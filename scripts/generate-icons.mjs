// node scripts/generate-icons.mjs — writes the app's raster icons from public/favicon.svg:
// public/favicon.ico (32 px PNG in an ICO container), public/apple-touch-icon.png (180 px) and
// public/icon-192.png / public/icon-512.png (the web manifest's, app/manifest.ts). The output is
// committed; run this again only when the SVG changes. Uses sharp, which Next.js installs for
// image optimization (not a dependency of its own).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');
const svg = readFileSync(path.join(publicDir, 'favicon.svg'));

/** The SVG rendered to a square PNG of `size` pixels; `opaque` fills the rounded corners (iOS rounds its own). */
const png = (size, opaque = false) => {
  const image = sharp(svg, { density: Math.ceil((72 * size) / 64) * 2 }).resize(size, size);
  return (opaque ? image.flatten({ background: '#4338ca' }) : image).png({ compressionLevel: 9 }).toBuffer();
};

/** An ICO file holding one PNG image (supported by every browser that reads favicon.ico). */
function ico(image, size) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6); // width
  header.writeUInt8(size >= 256 ? 0 : size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14); // image size
  header.writeUInt32LE(22, 18); // image offset
  return Buffer.concat([header, image]);
}

writeFileSync(path.join(publicDir, 'apple-touch-icon.png'), await png(180, true));
writeFileSync(path.join(publicDir, 'icon-192.png'), await png(192));
writeFileSync(path.join(publicDir, 'icon-512.png'), await png(512));
writeFileSync(path.join(publicDir, 'favicon.ico'), ico(await png(32), 32));
console.log('icons written to public/');
