/**
 * `engines.node` (>=20.19: htmlparser2, domutils and entities need it) must be true of every production dependency,
 * transitively, with one written exception.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const semver = createRequire(import.meta.url)('semver') as { minVersion(r: string): { version: string }; satisfies(v: string, r: string): boolean };
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

function violators(): string[] {
  const lowest = semver.minVersion(pkg.engines.node).version;
  const paths = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' }).trim().split('\n').slice(1);
  return [
    ...new Set(
      paths.flatMap((p) => {
        const j = JSON.parse(readFileSync(join(p, 'package.json'), 'utf8'));
        const range = j.engines?.node;
        return range && !semver.satisfies(lowest, range) ? [`${j.name}@${j.version} (${range})`] : [];
      }),
    ),
  ];
}

/**
 * The decision (README "Node versions"): engines stays on Node 20 (>=20.19) and docx stays at ^9.15 (Packer's overrides replace
 * any part; 9.7.1, the last without the warning, only takes strings). docx ≥ 9.7.2 declares nanoid 6, whose
 * engines (^22 || ^24 || >=26) make npm print EBADENGINE on Node 20 (and fail under engine-strict); docx inlines
 * nanoid into every one of its builds and never loads the package, so nothing breaks at run time.
 */
test('every production dependency supports the lowest Node in engines, except docx\'s unused nanoid (the written decision)', () => {
  expect(pkg.engines.node).toBe('>=20.19');
  expect(pkg.dependencies.docx).toMatch(/^\^9\.(1[5-9]|[2-9]\d)\./);
  expect(pkg.dependencies.pdfmake).toBeDefined();
  // docx's builds never load nanoid: neither an import nor a require of it in any of them
  for (const f of ['index.mjs', 'index.cjs', 'index.umd.cjs']) {
    const code = readFileSync(`node_modules/docx/dist/${f}`, 'utf8');
    expect(code).not.toMatch(/from ["']nanoid|require\(["']nanoid/);
  }
  expect(violators().map((v) => v.replace(/@.*/, ''))).toEqual(['nanoid']);
  // the renderer really uses docx (the exception is only worth it while it does)
  expect(execFileSync('grep', ['-rl', "from 'docx'", 'src/render/docx'], { encoding: 'utf8' })).toMatch(/index\.ts/);
  // and the decision is written where a user installing on Node 20 looks
  expect(readFileSync('README.md', 'utf8')).toMatch(/EBADENGINE[^]*nanoid/);
});
