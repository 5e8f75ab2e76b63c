// Draws the made-up person's photo for examples/cadre (a grey silhouette on a light blue ground, 36 × 49 mm,
// as 任免表 photos are) and writes it as a baseline JPEG: pdfkit draws the shapes on a page of that size,
// pdftoppm (poppler-utils) rasterises the page to JPEG. Usage: node scripts/make-cadre-photo.mjs [out.jpg]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

const out = process.argv[2] ?? 'examples/cadre/photo.jpg';
const mm = (v) => (v * 72) / 25.4;
const [W, H] = [mm(36), mm(49)];
const pdf = new PDFDocument({ size: [W, H], margin: 0, info: { CreationDate: new Date(0) } });
const chunks = [];
pdf.on('data', (c) => chunks.push(c));
const done = new Promise((r) => pdf.on('end', r));
pdf.rect(0, 0, W, H).fill('#cfe0f2'); // 证件照 blue ground
pdf.ellipse(W / 2, H * 1.02, W * 0.5, H * 0.34).fill('#2f3a4a'); // shoulders (a dark jacket)
pdf.polygon([W * 0.42, H * 0.69], [W / 2, H * 0.84], [W * 0.58, H * 0.69]).fill('#f4f4f4'); // collar
pdf.rect(W * 0.44, H * 0.56, W * 0.12, H * 0.14).fill('#c9a487'); // neck
pdf.ellipse(W / 2, H * 0.4, W * 0.2, H * 0.2).fill('#d8b494'); // face
pdf.ellipse(W / 2, H * 0.26, W * 0.22, H * 0.09).fill('#1e1e1e'); // hair
pdf.end();
await done;
const dir = mkdtempSync(join(tmpdir(), 'photo-'));
try {
  writeFileSync(join(dir, 'p.pdf'), Buffer.concat(chunks));
  execFileSync('pdftoppm', ['-jpeg', '-jpegopt', 'quality=85', '-r', '200', '-singlefile', join(dir, 'p.pdf'), join(dir, 'p')]);
  writeFileSync(out, readFileSync(join(dir, 'p.jpg')));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(out);
