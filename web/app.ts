/**
 * 填报 page: the annual report's data as a form. Number cells are inputs named by their printed label (the
 * label the rule messages use); totals are computed by the template's own rules and shown as printed; the
 * same check() as the CLI runs on every keystroke; export renders in a worker of this page.
 */
import YAML from 'yaml';
import { exportReport } from '../src/browser/index.js';
import type { Problem } from '../src/errors.js';
import { getTemplate } from '../templates/index.js';
import { cellLabel } from '../templates/gov-info-annual-report/cell-labels.js';
import { PROACTIVE_2019, PROACTIVE_2021, SECTION_HEADINGS } from '../templates/gov-info-annual-report/labels.js';
import seed2019 from '../examples/fangzheng-2020/fangzheng-2020.yaml';
import seed2021 from '../examples/shihe-2021/shihe-2021.yaml';

type Data = Record<string, any>;
const EXAMPLES: Record<string, string> = { 'gov-info-annual-report-2019': seed2019, 'gov-info-annual-report-2021': seed2021 };
const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;

let templateId = 'gov-info-annual-report-2019';
let data: Data = {};
let previous: unknown;
/** problems of the opened file's own totals, which the page replaces with computed ones */
let loadNotes: Problem[] = [];

/** Totals are computed: drop them from a loaded file (the rules fill them in and the page shows them). */
function withoutTotals(d: Data): Data {
  const a = d.tables?.applications;
  if (a) {
    delete a.total;
    const trim = (o: Data) => {
      for (const [k, v] of Object.entries(o)) {
        if (Array.isArray(v) && v.length === 7) o[k] = v.slice(0, 6);
        else if (v && typeof v === 'object' && !Array.isArray(v)) trim(v);
      }
    };
    trim(a);
  }
  const r = d.tables?.reviews;
  if (r) for (const k of Object.keys(r)) if (Array.isArray(r[k]) && r[k].length === 5) r[k] = r[k].slice(0, 4);
  return d;
}

function load(text: string): void {
  const parsed = YAML.parse(text) as Data;
  if (typeof parsed?.template === 'string' && EXAMPLES[parsed.template]) templateId = parsed.template;
  ($('#template') as HTMLSelectElement).value = templateId;
  loadNotes = [];
  try {
    const r = getTemplate(templateId)!.check(structuredClone(parsed));
    loadNotes = r.errors.filter((e) => /^\[(A2|A3|R\d)\]/.test(e.message)).map((e) => ({ path: e.path, message: `打开的文件中 ${e.message}（页面按分项重新计算总计）` }));
  } catch {
    /* shape errors show in check() below */
  }
  data = withoutTotals(parsed);
  data.template = templateId;
  draw();
}

function get(path: (string | number)[]): any {
  return path.reduce<any>((o, k) => o?.[k], data);
}
function set(path: (string | number)[], v: unknown): void {
  const last = path[path.length - 1];
  (get(path.slice(0, -1)) as Data)[last] = v;
}
const pathString = (p: (string | number)[]) => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

function numberCell(path: (string | number)[]): HTMLElement {
  const p = pathString(path);
  const input = document.createElement('input');
  input.inputMode = 'numeric';
  input.value = String(get(path) ?? '');
  input.dataset.path = p;
  input.setAttribute('aria-label', cellLabel(p) ?? p);
  input.addEventListener('input', () => {
    const t = input.value.trim();
    set(path, /^-?\d+$/.test(t) ? Number(t) : t);
    check();
  });
  const td = document.createElement('td');
  td.append(input);
  return td;
}

function totalCell(p: string): HTMLElement {
  const td = document.createElement('td');
  const out = document.createElement('output');
  out.dataset.total = p;
  out.setAttribute('aria-label', `${cellLabel(p) ?? p}（自动计算）`);
  td.append(out);
  return td;
}

/** A table of number rows: each array under `base` is a row; nested objects are row groups. */
function numberTable(caption: string, base: (string | number)[], columns: readonly string[], totalIndex?: number): HTMLElement {
  const table = document.createElement('table');
  table.innerHTML = `<caption>${caption}</caption><thead><tr><th scope="col">项目</th>${columns.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>`;
  const body = document.createElement('tbody');
  const rows = (path: (string | number)[]) => {
    const v = get(path);
    for (const [k, row] of Object.entries(v as Data)) {
      const p = [...path, k];
      if (Array.isArray(row)) {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = (cellLabel(pathString(p)) ?? k).replace(/^表[一二三] /, '');
        tr.append(th);
        row.forEach((_, i) => tr.append(numberCell([...p, i])));
        if (totalIndex !== undefined) tr.append(totalCell(`${pathString(p)}[${totalIndex}]`));
        body.append(tr);
      } else if (row && typeof row === 'object') rows(p);
      else {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = (cellLabel(pathString(p)) ?? k).replace(/^表[一二三] /, '');
        tr.append(th, numberCell(p));
        body.append(tr);
      }
    }
  };
  rows(base);
  if (base[base.length - 1] === 'applications') {
    const tr = document.createElement('tr');
    tr.innerHTML = `<th scope="row">（七）总计</th>`;
    for (let i = 0; i < 7; i++) tr.append(totalCell(`tables.applications.total[${i}]`));
    body.append(tr);
  }
  table.append(body);
  return table;
}

/** 表一 as printed: per item of 第二十条 its own column names, then its rows. */
function proactiveTable(): HTMLElement {
  const groups = templateId.endsWith('2021') ? PROACTIVE_2021 : PROACTIVE_2019;
  const table = document.createElement('table');
  table.innerHTML = '<caption>表一 主动公开政府信息情况</caption>';
  const body = document.createElement('tbody');
  for (const g of Object.values(groups) as { label: string; columns: readonly string[]; rows: Record<string, string> }[]) {
    const head = document.createElement('tr');
    head.innerHTML = `<th scope="col">${g.label}</th>${g.columns.map((c) => `<th scope="col">${c}</th>`).join('')}`;
    body.append(head);
    for (const [key, label] of Object.entries(g.rows)) {
      const v = get(['tables', 'proactive', key]);
      if (v === undefined) continue;
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      tr.append(th);
      if (Array.isArray(v)) v.forEach((_, i) => tr.append(numberCell(['tables', 'proactive', key, i])));
      else tr.append(numberCell(['tables', 'proactive', key]));
      body.append(tr);
    }
  }
  table.append(body);
  return table;
}

function paragraphs(): HTMLElement {
  const box = document.createElement('div');
  const version = templateId.endsWith('2021') ? 2021 : 2019;
  const headings = (SECTION_HEADINGS as any)[version] ?? SECTION_HEADINGS;
  for (const key of ['overview', 'proactive', 'applications', 'reviews', 'problems', 'other']) {
    data.sections ??= {};
    data.sections[key] ??= {};
    const sec = data.sections[key];
    sec.paragraphs ??= [];
    const fs = document.createElement('fieldset');
    fs.innerHTML = `<legend>${headings?.[key] ?? key}</legend>`;
    sec.paragraphs.forEach((p: any, i: number) => {
      const ta = document.createElement('textarea');
      const text = typeof p === 'string' ? p : `${p.heading}${p.text}`;
      ta.value = text;
      ta.rows = Math.max(2, Math.ceil(text.length / 48));
      ta.setAttribute('aria-label', `${headings?.[key] ?? key} 第${i + 1}段`);
      ta.addEventListener('input', () => {
        if (typeof p === 'string') sec.paragraphs[i] = ta.value;
        else {
          // a run-in heading stays the heading while the text still starts with it
          sec.paragraphs[i] = ta.value.startsWith(p.heading) ? { heading: p.heading, text: ta.value.slice(p.heading.length) } : ta.value;
        }
      });
      fs.append(ta);
    });
    box.append(fs);
  }
  return box;
}

function draw(): void {
  $('#agency').textContent = '';
  const head = $('#meta');
  head.innerHTML = '';
  for (const [k, label] of [['agency', '机关名称'], ['year', '年度']] as const) {
    const l = document.createElement('label');
    const i = document.createElement('input');
    i.value = String(data[k] ?? '');
    i.name = k;
    if (k === 'agency') i.size = 28; // a full agency name stays readable
    i.addEventListener('input', () => {
      data[k] = k === 'year' ? Number(i.value) : i.value;
      check();
    });
    l.append(`${label} `, i);
    head.append(l);
  }
  const t = data.tables;
  const form = $('#tables');
  form.innerHTML = '';
  form.append(proactiveTable());
  form.append(numberTable('表二 收到和处理政府信息公开申请情况', ['tables', 'applications'], ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], 6));
  form.append(numberTable('表三 政府信息公开行政复议、行政诉讼情况', ['tables', 'reviews'], ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], 4));
  void t;
  const paras = $('#paragraphs');
  paras.innerHTML = '';
  paras.append(paragraphs());
  check();
}

/** The template's check(): the same code as `cjk-report validate`. */
function check(): Problem[] {
  const list = $('#messages');
  list.innerHTML = '';
  document.querySelectorAll('.msg').forEach((m) => m.remove());
  document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  let problems: Problem[] = [];
  let warnings: Problem[] = [];
  try {
    const r = getTemplate(templateId)!.check(structuredClone(data), { previous });
    problems = r.errors;
    warnings = [...loadNotes, ...r.warnings];
    showTotals(r.data as Data);
  } catch (e) {
    problems = (e as { problems?: Problem[] }).problems ?? [{ path: '', message: String(e) }];
  }
  for (const [p, kind] of [...problems.map((p) => [p, 'error'] as const), ...warnings.map((p) => [p, 'warning'] as const)]) {
    const li = document.createElement('li');
    li.className = kind;
    li.textContent = p.message.startsWith('[') ? p.message : `${cellLabel(p.path) ?? p.path}：${p.message}`;
    list.append(li);
    const cell = document.querySelector(`[data-path="${p.path}"], [data-total="${p.path}"]`) ?? document.querySelector(`[data-path="${p.path}.newReceived[${colOf(p.message)}]"]`);
    if (cell) {
      cell.setAttribute('aria-invalid', 'true');
      const note = document.createElement('div');
      note.className = `msg ${kind}`;
      note.textContent = p.message;
      note.id = `msg-${Math.random().toString(36).slice(2)}`;
      cell.setAttribute('aria-describedby', note.id);
      cell.parentElement!.append(note);
    }
  }
  $('#status').textContent = problems.length ? `${problems.length} 处勾稽或格式问题` : warnings.length ? `勾稽关系无误（${warnings.length} 条提示）` : '勾稽关系无误';
  return problems;
}

/** [A1] 表二 自然人：… names its column; the message goes beside that column's 一、本年新收 cell. */
function colOf(message: string): number {
  const cols = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const m = /^\[A1\] 表二 (\S+)：/.exec(message);
  return m ? cols.indexOf(m[1]) : -1;
}

function showTotals(d: Data): void {
  document.querySelectorAll<HTMLOutputElement>('output[data-total]').forEach((o) => {
    const p = o.dataset.total!;
    const v = p.match(/[^.[\]]+/g)!.reduce<any>((x, k) => x?.[k], d);
    o.value = v === undefined ? '' : String(v);
  });
}

async function doExport(format: 'pdf' | 'docx'): Promise<void> {
  const status = $('#export-status');
  const btns = document.querySelectorAll<HTMLButtonElement>('button[data-format]');
  btns.forEach((b) => (b.disabled = true));
  status.textContent = '正在生成…';
  try {
    const r = await exportReport(structuredClone(data), {
      format,
      template: templateId,
      previous,
      assetsUrl: new URL('assets/', location.href),
      onProgress: (p) => (status.textContent = `${{ check: '校验', plan: '确定字体', fonts: '载入字体', wasm: '载入子集程序', layout: '排版', render: '生成文件' }[p.stage] ?? p.stage}…${p.detail ? ` ${p.detail}` : ''}`),
    });
    status.textContent = `已生成 ${r.fileName}（${Math.round(r.blob.size / 1024)} KB，${r.ms} ms）`;
    (window as any).lastExport = { fileName: r.fileName, ms: r.ms, size: r.blob.size, fonts: r.fonts };
  } catch (e) {
    const err = e as { title?: string; problems?: Problem[] };
    status.textContent = `${err.title ?? '导出失败'}：${(err.problems ?? []).map((p) => p.message).join('；') || String(e)}`;
  } finally {
    btns.forEach((b) => (b.disabled = false));
  }
}

function readFile(input: HTMLInputElement, then: (text: string) => void): void {
  input.addEventListener('change', async () => {
    const f = input.files?.[0];
    if (f) then(await f.text());
    input.value = '';
  });
}

function save(): void {
  const text = `# ${templateId}\n${YAML.stringify(data)}`;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  a.download = `${data.agency ?? 'report'}${data.year ?? ''}.yaml`;
  a.click();
}

export function start(): void {
  $('#template').addEventListener('change', (e) => {
    templateId = (e.target as HTMLSelectElement).value;
    load(EXAMPLES[templateId]);
  });
  readFile($('#open'), load);
  readFile($('#previous'), (text) => {
    previous = YAML.parse(text);
    $('#previous-name').textContent = '已载入上一年度数据';
    check();
  });
  $('#save').addEventListener('click', save);
  document.querySelectorAll<HTMLButtonElement>('button[data-format]').forEach((b) => b.addEventListener('click', () => doExport(b.dataset.format as 'pdf' | 'docx')));
  load(EXAMPLES[templateId]);
}
