/**
 * pdfmake creates every PDF and docx's Packer every DOCX (issue 14), and what they now declare at the document
 * level is real: the Producer names the libraries that ran, PDF/A-2b carries its XMP metadata and output
 * intent, a locked file needs its owner password, and the DOCX bytes are the same from run to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import pdfmake from 'pdfmake';
import { render } from '../src/index.js';
import { PRODUCER } from '../src/render/pdf/document.js';
import { getTemplate } from '../templates/index.js';
import { FIXED_DATE, readExample } from './helpers/render.js';
import { describeWithTools, tmp } from './helpers/tools.js';

const seedModel = () => {
  const t = getTemplate('gov-info-annual-report-2019')!;
  return t.build(t.check(readExample('examples/fangzheng-2020/fangzheng-2020.yaml')).data);
};
const write = (bytes: Uint8Array, name: string) => {
  const path = join(tmp(), name);
  writeFileSync(path, bytes);
  return path;
};
const version = (pkg: string) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;

test('the PDF is created by pdfmake.createPdf and the DOCX packed by docx\'s Packer', async () => {
  const createPdf = jest.spyOn(pdfmake, 'createPdf');
  const pack = jest.spyOn(Packer, 'toArrayBuffer');
  const warn = jest.spyOn(console, 'warn');
  try {
    const r = await render(seedModel(), { creationDate: FIXED_DATE });
    // both access policies are set, so pdfmake does not warn about them on every document
    expect(warn).not.toHaveBeenCalled();
    expect(createPdf).toHaveBeenCalledTimes(1);
    expect(pack).toHaveBeenCalledTimes(1);
    // pdfmake's definition: no content of its own (the pages are the layout's), the document-level options
    const def = createPdf.mock.calls[0][0] as unknown as Record<string, any>;
    expect(def.content).toEqual([]);
    expect([def.language, def.version, def.displayTitle, def.info.producer]).toEqual(['zh-CN', '1.3', true, PRODUCER]);
    // parts docx writes and the old writer never did: its theme, its app.xml
    const files = unzipSync(r.docx!);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(files['word/theme/theme1.xml']).toBeDefined();
    expect(strFromU8(files['docProps/app.xml'])).toContain('docPropsVTypes');
    expect(strFromU8(files['docProps/core.xml'])).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-15T00:00:00Z</dcterms:created>');
  } finally {
    createPdf.mockRestore();
    pack.mockRestore();
    warn.mockRestore();
  }
}, 60000);

test('the Producer names the versions that ran', () => {
  expect(PRODUCER).toBe(`cjk-report ${JSON.parse(readFileSync('package.json', 'utf8')).version} (pdfmake ${version('pdfmake')}, pdfkit ${version('pdfkit')})`);
});

test('DOCX bytes are the same from run to run (zip times and core.xml dates from the document date)', async () => {
  const a = (await render(seedModel(), { formats: ['docx'], creationDate: FIXED_DATE })).docx!;
  await new Promise((r) => setTimeout(r, 2100)); // a zip time has a 2 s step: docx's own Packer output would differ now
  const b = (await render(seedModel(), { formats: ['docx'], creationDate: FIXED_DATE })).docx!;
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  const times = execFileSync('python3', ['-c', 'import sys,zipfile; print(set(i.date_time for i in zipfile.ZipFile(sys.argv[1]).infolist()))', write(a, 'a.docx')], { encoding: 'utf8' }).trim();
  expect(times).toBe('{(2021, 1, 15, 0, 0, 0)}');
  // fflate's Zip writes data descriptors after each entry: Info-ZIP reads every entry back with its CRC
  if (spawnSync('sh', ['-c', 'command -v unzip']).status === 0) expect(execFileSync('unzip', ['-t', write(a, 'b.docx')], { encoding: 'utf8' })).toMatch(/No errors detected/);
}, 60000);

test('PDF/A with a password is refused by name', async () => {
  await expect(render(seedModel(), { formats: ['pdf'], pdf: { standard: 'PDF/A-2b', ownerPassword: 'x' } })).rejects.toMatchObject({ problems: [expect.objectContaining({ path: 'meta.pdf.standard' })] });
  await expect(render(seedModel(), { formats: ['pdf'], pdf: { permissions: { copying: true } } })).rejects.toMatchObject({ problems: [expect.objectContaining({ path: 'meta.pdf.ownerPassword' })] });
});

describeWithTools(['pdfinfo', 'qpdf'], 'PDF/A-2b and locked PDFs, read by poppler and qpdf', () => {
  test('plain: true Producer and Creator, zh-CN, the title shown, PDF 1.3, not encrypted', async () => {
    const path = write((await render(seedModel(), { formats: ['pdf'], creationDate: FIXED_DATE })).pdf!, 'plain.pdf');
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`^Producer:\\s+${PRODUCER.replace(/[().]/g, '\\$&')}$`, 'm'));
    expect(info).toMatch(/^Creator:\s+cjk-report \d+\.\d+\.\d+$/m);
    expect(info).toMatch(/^PDF version:\s+1\.3$/m);
    expect(info).toMatch(/^Encrypted:\s+no$/m);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 64 << 20 }).toString('latin1');
    expect(qdf).toContain('/Lang (zh-CN)');
    expect(qdf).toContain('/DisplayDocTitle true');
    expect(qdf).not.toContain('/OutputIntents');
  }, 60000);

  test('PDF/A-2b: XMP metadata with pdfaid part 2 / B, an sRGB OutputIntent, PDF 1.7, fonts embedded', async () => {
    const r = await render(seedModel(), { formats: ['pdf'], creationDate: FIXED_DATE, pdf: { standard: 'PDF/A-2b' } });
    const path = write(r.pdf!, 'pdfa.pdf');
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 64 << 20 }).toString('utf8');
    expect(qdf).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(qdf).toMatch(/\/OutputIntents \[\s*\d+ 0 R\s*\]/);
    expect(qdf).toContain('/S /GTS_PDFA1');
    expect(qdf).toContain('/DestOutputProfile');
    expect(qdf).toContain('<pdf:Producer>' + PRODUCER + '</pdf:Producer>');
    expect(qdf).toContain('<rdf:li xml:lang="x-default">方正县营商环境建设监督局2020年政府信息公开工作年度报告</rdf:li>');
    expect(execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).every((l) => / yes yes yes /.test(l))).toBe(true);
  }, 60000);

  test('locked: AES-256, printing only, the owner password needed to change that', async () => {
    const r = await render(seedModel(), { formats: ['pdf'], creationDate: FIXED_DATE, pdf: { ownerPassword: '审核-2021' } });
    const path = write(r.pdf!, 'locked.pdf');
    const open = execFileSync('qpdf', ['--show-encryption', path], { encoding: 'utf8' });
    expect(open).toMatch(/^R = 6$|^R = 5$/m);
    expect(open).toContain('Supplied password is user password');
    expect(open).toContain('print high resolution: allowed');
    expect(open).toContain('extract for any purpose: not allowed');
    expect(open).toContain('modify anything: not allowed');
    expect(open).toContain('stream encryption method: AESv3');
    const owner = execFileSync('qpdf', ['--show-encryption', '--password=审核-2021', path], { encoding: 'utf8' });
    expect(owner).toContain('Supplied password is owner password');
    // the text stays readable to anyone (no user password): pdftotext opens it without one
    expect(spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' }).stdout).toContain('政府信息公开');
  }, 60000);
});

describeWithTools(['pdfinfo', 'qpdf'], 'the CLI bundle (dist/cli, npm run build): --pdfa, --owner-password, --allow', () => {
  const cli = (...args: string[]) => {
    const out = tmp();
    const r = spawnSync(process.execPath, ['dist/cli/main.cjs', 'render', 'examples/fangzheng-2020/fangzheng-2020.yaml', '--template', 'gov-info-annual-report-2019', '--format', 'pdf', '--out', out, ...args], { encoding: 'utf8' });
    return { ...r, file: join(out, 'fangzheng-2020.pdf') };
  };

  test('--pdfa: the bundle finds pdfkit\'s sRGB profile and writes the OutputIntent', () => {
    const r = cli('--pdfa');
    expect(r.status).toBe(0);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', r.file, '-'], { maxBuffer: 64 << 20 }).toString('utf8');
    expect(qdf).toContain('/S /GTS_PDFA1');
    expect(qdf).toContain('<pdfaid:part>2</pdfaid:part>');
  }, 60000);

  test('--pdfa in a --jobs batch: every PDF of it is PDF/A-2b', () => {
    const dir = tmp();
    const seed = readFileSync('examples/fangzheng-2020/fangzheng-2020.yaml');
    for (const n of ['a', 'b']) writeFileSync(join(dir, `${n}.yaml`), seed);
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, ['dist/cli/main.cjs', 'render', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--template', 'gov-info-annual-report-2019', '--format', 'pdf', '--pdfa', '--jobs', '2', '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const n of ['a', 'b']) expect(execFileSync('pdfinfo', [join(out, `${n}.pdf`)], { encoding: 'utf8' })).toMatch(/^Metadata Stream:\s+yes$/m);
  }, 120000);

  test('--owner-password with --allow print,copy; --pdfa with a password and --allow alone are refused', () => {
    const r = cli('--owner-password', 'pw', '--allow', 'print,copy');
    expect(r.status).toBe(0);
    const enc = execFileSync('qpdf', ['--show-encryption', r.file], { encoding: 'utf8' });
    expect(enc).toContain('extract for any purpose: allowed');
    expect(enc).toContain('modify anything: not allowed');
    const both = cli('--pdfa', '--owner-password', 'pw');
    expect([both.status, both.stderr]).toEqual([1, expect.stringContaining('PDF/A-2b 不允许加密')]);
    const allow = cli('--allow', 'copy');
    expect([allow.status, allow.stderr]).toEqual([2, expect.stringContaining('--allow 需要同时给出 --owner-password')]);
  }, 60000);
});
