/**
 * npm start: renders the bundled examples into out/ (PDF and DOCX each), as the CLI would:
 * the feature showcase, the seed report (2019 format), the 2021 example, the own-template example and the
 * 干部任免审批表 from its .lrmx file.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const cli = join('dist', 'src', 'cli', 'main.js');
const jobs: string[][] = [
  ['render', 'examples/showcase.json', '--out', 'out'],
  ['render', 'examples/fangzheng-2020/fangzheng-2020.yaml', '--template', 'gov-info-annual-report-2019', '--out', 'out'],
  ['render', 'examples/shihe-2021/shihe-2021.yaml', '--template', 'gov-info-annual-report-2021', '--out', 'out'],
  // a user's template, loaded from its module file (README: Write your own template)
  ['render', 'examples/my-template/data.yaml', '--template', './examples/my-template/template.mjs', '--out', 'out/my-template'],
  ['render', 'examples/cadre/lin-zhiyuan.lrmx', '--out', 'out'],
];
for (const args of jobs) execFileSync('node', [cli, ...args, '--format', 'pdf,docx'], { stdio: 'inherit' });
