/** Every error a user can trigger is typed, carries code/title/problems, and speaks Chinese. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  CjkReportError, FontCoverageError, InconsistentDataError, InputError, UnknownTemplateError,
  bundledRegistry, getTemplate, nodeSubsetter, render, renderTemplate, templateJsonSchema, templates,
} from '../src/index.js';
import { rejection } from './helpers/caught.js';

const seed2020 = parse(readFileSync('examples/fangzheng-2020/fangzheng-2020.yaml', 'utf8'));
const violation = parse(readFileSync('examples/violations/A2.yaml', 'utf8'));

test('renderTemplate honours the data\'s own template field, and the file name follows the agency', async () => {
  const r = await renderTemplate(undefined, seed2020, { formats: ['pdf'] });
  expect(r.template).toBe('gov-info-annual-report-2019');
  expect(r.fileName).toBe('方正县营商环境建设监督局2020年政府信息公开工作年度报告');
  expect(Buffer.from(r.pdf!.subarray(0, 5)).toString()).toBe('%PDF-');
  const e = await rejection(renderTemplate('gov-info-annual-report-2021', seed2020, { formats: ['pdf'] }));
  expect(e).toBeInstanceOf(InputError);
  expect(e.problems[0]).toEqual({ path: 'template', message: expect.stringContaining('gov-info-annual-report-2019') });
});

test('勾稽 violations: InconsistentDataError with the same problems check() reports; allowInconsistent renders', async () => {
  const e = await rejection(renderTemplate(undefined, violation, { formats: ['pdf'] }));
  expect(e).toBeInstanceOf(InconsistentDataError);
  expect(e.code).toBe('inconsistent');
  expect(e.title).toBe('数据未通过勾稽关系校验');
  expect(e.problems).toEqual(getTemplate('gov-info-annual-report-2021')!.check(violation).errors);
  const r = await renderTemplate(undefined, violation, { formats: ['pdf'], allowInconsistent: true });
  expect(r.errors).toEqual(e.problems);
  expect(r.pdf).toBeDefined();
});

test('unknown template: UnknownTemplateError listing the known ones', async () => {
  const e = await rejection(renderTemplate('gov-report-1999', {}, { formats: ['pdf'] }));
  expect(e).toBeInstanceOf(UnknownTemplateError);
  expect(e.code).toBe('unknown-template');
  expect(e.problems[0].message).toContain('gov-info-annual-report-2021');
  expect(() => templateJsonSchema('nope')).toThrow(UnknownTemplateError);
});

test('template data given to render() says to use renderTemplate / --template', async () => {
  const e = await rejection(render(seed2020, { formats: ['pdf'] }));
  expect(e).toBeInstanceOf(InputError);
  expect(e.problems).toEqual([{ path: 'template', message: expect.stringMatching(/renderTemplate.*--template/) }]);
  const { template: _t, ...untagged } = seed2020;
  const e2 = await rejection(render(untagged, { formats: ['pdf'] }));
  expect(e2.problems[0].message).toContain('renderTemplate');
});

test('font coverage: FontCoverageError naming the character and the field', async () => {
  const e = await rejection(render({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '古文字𠀀' }] }, { formats: ['pdf'] }));
  expect(e).toBeInstanceOf(FontCoverageError);
  expect(e.code).toBe('font-coverage');
  expect(e.problems).toEqual([{ path: 'blocks[0].text', message: expect.stringContaining('𠀀（U+20000）') }]);
});

test('model and template shape errors are in Chinese; the host\'s zod keeps its own language', async () => {
  const e = await rejection(render({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: 'x', colour: 'red' }] }, { formats: ['pdf'] }));
  expect(e.title).toBe('报告模型的格式不正确');
  expect(e.problems[0].path).toBe('blocks[0]');
  expect(e.problems[0].message).toMatch(/[\u4e00-\u9fff]/);
  expect(e.problems[0].message).toContain('colour');
  const t = await rejection(renderTemplate('gov-info-annual-report-2019', { ...seed2020, year: 'x' }, { formats: ['pdf'] }));
  expect(t.problems).toEqual([{ path: 'year', message: expect.stringMatching(/^无效输入/) }]);
  const host = z.object({ a: z.string() }).safeParse({ a: 1 });
  expect(host.success || host.error.issues[0].message).toMatch(/^Invalid input: expected string/);
});

test('templates() and their JSON Schemas from the API', () => {
  expect(templates().map((t) => t.id)).toEqual(['gov-info-annual-report-2019', 'gov-info-annual-report-2021', 'cadre-appointment-form']);
  const s = templateJsonSchema('gov-info-annual-report-2021') as { properties: Record<string, unknown> };
  expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['template', 'agency', 'year', 'tables']));
});

test('harfbuzz keeps at most 16 faces in wasm memory, freeing the least recently used', async () => {
  const hb = await nodeSubsetter();
  const font = bundledRegistry().pick('serif', false, 0x4e00)!.bytes;
  const memory = () => (hb as unknown as { hb: { memory: WebAssembly.Memory } }).hb.memory.buffer.byteLength;
  for (let i = 0; i < 20; i++) hb.subset(font.slice(), [0x4e00]);
  const after20 = memory();
  expect(hb.cachedFaces).toBe(16);
  for (let i = 0; i < 40; i++) hb.subset(font.slice(), [0x4e00]);
  expect(hb.cachedFaces).toBe(16);
  expect(memory()).toBe(after20); // freed faces' memory is reused, not grown
}, 120_000);
