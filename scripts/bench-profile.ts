/**
 * npm run bench:profile: `node --cpu-prof` over warm PDF, warm DOCX and one cold CLI run (PDF + DOCX), then the
 * top entries by self time, per function and per module (package, or src/<folder>). Profiles stay in out/prof/.
 *   node dist/scripts/bench-profile.js [pdf|docx|cold ...] [--top 12]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; }

const RUNS: Record<string, string[]> = {
  pdf: ['dist/scripts/bench-warm.js', 'pdf', 'seed', '40'],
  docx: ['dist/scripts/bench-warm.js', 'docx', 'seed', '40'],
  cold: ['--liftoff-only', 'dist/src/cli/main.js', 'render', 'examples/fangzheng-2020/fangzheng-2020.yaml', '--template', 'gov-info-annual-report-2019', '--format', 'pdf,docx', '--out', 'out/prof/cold'],
};

/** node_modules/<pkg> (scoped too), src/<folder>, node:internal, or V8's own entries such as (garbage collector). */
export function moduleOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = /\/(src|templates|scripts)\/([^/]+)/.exec(url);
  if (src) return src[1] === 'src' && src[2].includes('.') ? `src/${src[2]}` : `${src[1]}/${src[2].replace(/\.js$/, '')}`;
  if (url.startsWith('node:')) return 'node (built-in modules)';
  return url;
}

export function selfTimes(p: Profile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const n = byId.get(id)!;
    const m = moduleOf(n.callFrame.url, n.callFrame.functionName);
    const f = `${n.callFrame.functionName || '(anonymous)'} ${m}`;
    fn.set(f, (fn.get(f) ?? 0) + dt);
    mod.set(m, (mod.get(m) ?? 0) + dt);
    total += dt;
  });
  return { total: total / 1000, fn, mod };
}

function top(map: Map<string, number>, total: number, n: number): string {
  return [...map]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${((v / 1000 / total) * 100).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const ti = args.indexOf('--top');
  const n = ti >= 0 ? Number(args.splice(ti, 2)[1]) : 12;
  const which = args.length ? args : Object.keys(RUNS);
  for (const w of which) {
    const dir = join('out/prof', w);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', ...RUNS[w]], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${w} failed`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    const { total, fn, mod } = selfTimes(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    console.log(`\n== ${w}: ${RUNS[w].join(' ')} (${total.toFixed(0)} ms sampled, ${join(dir, file)})\nby module (self time):\n${top(mod, total, n)}\nby function (self time):\n${top(fn, total, n)}`);
  }
}

if (process.argv[1]?.endsWith('bench-profile.js')) main();
