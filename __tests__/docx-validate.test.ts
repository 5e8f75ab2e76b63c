/**
 * The DOCX against the ISO/IEC 29500 schemas, the grammar Word reads (it reports "unreadable content"
 * where they fail; LibreOffice is lenient): the WordprocessingML parts with ../shared/tools/ooxml/validate.py
 * (xmllint), the package's content types and relationships with the OPC schemas beside it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { docxParts } from './helpers/docx.js';
import { ROOT, renderExample } from './helpers/render.js';
import { describeWithTools, tmp } from './helpers/tools.js';

const VALIDATOR = resolve(process.env.OOXML_VALIDATE ?? join(ROOT, '..', 'shared', 'tools', 'ooxml', 'validate.py'));
const OPC = join(dirname(VALIDATOR), 'schemas', 'ecma', 'fouth-edition');

// every row has three entries: jest passes a `done` callback to a test whose row is shorter than its parameters
const EXAMPLES: [string, string, string | undefined][] = [
  ['showcase', 'examples/showcase.json', undefined],
  ['seed (fangzheng-2020)', 'examples/fangzheng-2020/fangzheng-2020.yaml', 'gov-info-annual-report-2019'],
  ['shihe-2021', 'examples/shihe-2021/shihe-2021.yaml', 'gov-info-annual-report-2021'],
];

function describeWithValidator(fn: () => void) {
  if (existsSync(VALIDATOR)) return describeWithTools(['xmllint', 'python3'], 'DOCX against ISO/IEC 29500 (xmllint)', fn);
  const why = `the validator ${VALIDATOR} is missing (set OOXML_VALIDATE to its path)`;
  if (process.env.CI === 'true') return test('DOCX against ISO/IEC 29500', () => { throw new Error(`CI=true but ${why}`); });
  console.warn(`SKIPPED "DOCX against ISO/IEC 29500": ${why}`);
  describe.skip('DOCX against ISO/IEC 29500', fn);
}

describeWithValidator(() => {
  test.each(EXAMPLES)('%s: every WordprocessingML part validates against wml.xsd', async (_name, file, template) => {
    const { docx } = await renderExample(file, template);
    const path = join(tmp(), 'a.docx');
    writeFileSync(path, docx!);
    const r = spawnSync('python3', [VALIDATOR, path], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n').filter((l) => !l.startsWith('ok:'))).toEqual([]);
    expect(r.stdout).toMatch(/^ok: \d+ parts checked against wml\.xsd, 0 errors$/m);
    expect(r.status).toBe(0);
  }, 60000);

  test.each(EXAMPLES)('%s: content types and relationships validate against the OPC schemas', async (_name, file, template) => {
    const { docx } = await renderExample(file, template);
    const dir = tmp();
    const parts = docxParts(docx!);
    const check = (name: string, schema: string) => {
      const f = join(dir, name);
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, parts[name]);
      return execFileSync('xmllint', ['--noout', '--schema', join(OPC, schema), f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    };
    const rels = Object.keys(parts).filter((n) => n.endsWith('.rels'));
    expect(rels).toEqual(expect.arrayContaining(['_rels/.rels', 'word/_rels/document.xml.rels', 'word/_rels/fontTable.xml.rels']));
    // xmllint exits non-zero (execFileSync throws) when a file does not validate
    check('[Content_Types].xml', 'opc-contentTypes.xsd');
    for (const n of rels) check(n, 'opc-relationships.xsd');
  }, 60000);
});
