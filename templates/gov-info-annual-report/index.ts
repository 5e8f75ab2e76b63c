import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { InputError, zodProblems, type Problem } from '../../src/model/errors.js';
import type { CheckResult, Template } from '../types.js';
import { aggregateData } from './aggregate.js';
import { buildReport, dataPathOf } from './build.js';
import { checkInputBounds } from '../../src/model/input-bounds.js';
import { numberSource } from '../../src/input/number-source.js';
import { safeFileName } from '../../src/file-name.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/limits.js';
import { cellLabel } from './cell-labels.js';
import { applyRules, crossYear } from './rules.js';
import { type AnyData, Data2019, Data2021, type Version } from './schema.js';

const zh = zhCN().localeError;

function parseAs<D>(schema: z.ZodType<D>, input: unknown, what: string): D {
  const r = schema.safeParse(input, { error: zh, reportInput: true });
  if (!r.success) throw new InputError(zodProblems(r.error).map((p) => withLabels(p, input)), `${what}的格式不正确`);
  return r.data;
}

/** A shape error in a table cell names the cell as printed, and for 表二 the rule it breaks (A4). */
function withLabels(p: Problem, input: unknown): Problem {
  const label = cellLabel(p.path);
  if (!label) return p;
  const given = shownAt(input, p.path);
  const rule = p.path.startsWith('tables.applications.') ? '[A4] ' : '';
  return { path: p.path, message: `${rule}${label}：${p.message}${given === undefined ? '' : `，填报为 ${given}`}` };
}

/** The value at a path as the user wrote it: a number as its digits, a string quoted; undefined for objects. */
function shownAt(input: unknown, path: string): string | undefined {
  let v: unknown = input;
  let parent: unknown;
  let last = '';
  for (const key of path.match(/[^.[\]]+/g) ?? []) {
    parent = v;
    last = key;
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  }
  // an integer a double rounded is quoted as written (123456789012345678901, not …680000)
  if (typeof v === 'number') return numberSource(parent, last) ?? String(v);
  return v === undefined || typeof v === 'object' ? undefined : JSON.stringify(v);
}

/** Last year's file may be in either format: 2020 and earlier use the 2019 format. */
function parsePrevious(input: unknown): { data: AnyData; version: Version } {
  const year = (input as { year?: unknown })?.year;
  const version: Version = typeof year === 'number' && year >= 2021 ? 2021 : 2019;
  const schema = version === 2021 ? Data2021 : Data2019;
  const d = structuredClone(parseAs<AnyData>(schema as z.ZodType<AnyData>, input, '上一年度数据'));
  applyRules(d, version);
  return { data: d, version };
}

function overviewLength(d: AnyData): number {
  return d.sections.overview.paragraphs.map((p) => (typeof p === 'string' ? p : p.heading + p.text)).join('').replace(/\s/g, '').length;
}

function makeTemplate<D extends AnyData>(id: string, title: string, schema: z.ZodType<D>, version: Version): Template<D> {
  return {
    id,
    title,
    schema,
    check(input: unknown, opts: { previous?: unknown; limits?: Pick<Limits, 'maxNesting' | 'maxInputBytes'> } = {}): CheckResult<D> {
      checkInputBounds(input, opts.limits ?? DEFAULT_LIMITS);
      const data = structuredClone(parseAs(schema, input, '数据文件'));
      const warnings: Problem[] = [];
      const errors = applyRules(data, version, warnings);
      if (version === 2021 && overviewLength(data) > 1000)
        warnings.push({ path: 'sections.overview', message: `总体情况共 ${overviewLength(data)} 字，超过 2021 年格式要求的“篇幅原则上不超过一千字”` });
      if (version === 2019 && data.year >= 2021) warnings.push({ path: 'year', message: `${data.year} 年度报告应使用 2021 年格式（gov-info-annual-report-2021）` });
      if (version === 2021 && data.year < 2021) warnings.push({ path: 'year', message: `${data.year} 年度报告应使用 2019 年格式（gov-info-annual-report-2019）` });
      if (opts.previous !== undefined) {
        const prev = parsePrevious(opts.previous);
        warnings.push(...crossYear(data, version, prev.data, prev.version));
      }
      return { data, errors, warnings };
    },
    build: (d: D) => buildReport(d, version),
    dataPath: (modelPath: string, d: D) => dataPathOf(modelPath, d, version),
    fileName: (d: D) => safeFileName(`${d.agency}${d.year}年政府信息公开工作年度报告`.replace(/\s+/g, '')),
    aggregate(inputs: unknown[], meta) {
      if (!inputs.length) throw new InputError([{ path: '(files)', message: '至少需要一个数据文件' }]);
      const datas = inputs.map((x, i) => {
        const r = this.check(x);
        if (r.errors.length) throw new InputError(r.errors.map((e) => ({ ...e, path: `文件${i + 1} ${e.path}` })), '汇总前的校验未通过');
        return r.data;
      });
      return aggregateData(datas, meta.agency);
    },
  };
}

export const annualReport2019 = makeTemplate('gov-info-annual-report-2019', '政府信息公开工作年度报告（2019 年试行格式，国办公开办函〔2019〕60号）', Data2019, 2019);
export const annualReport2021 = makeTemplate('gov-info-annual-report-2021', '政府信息公开工作年度报告（2021 年修订格式，国办公开办函〔2021〕30号）', Data2021, 2021);
