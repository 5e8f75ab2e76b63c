/**
 * The 填报 page of one template: the generated form, the check on every change, open/save of the data file,
 * last year's file, and the two exports (rendered in this page's worker: no request carries the data).
 */
import { isBuiltIn } from './user-templates.js';
import YAML from 'yaml';
import { exportReport } from '../../src/browser/index.js';
import type { Problem } from '../../src/errors.js';
import { labelLookup, type Template } from '../../templates/define.js';
import type { FormCtx } from './cells.js';
import { readDataFile } from './file.js';
import { drawForm } from './layout.js';
import { showComputed, showProblems, type Shown } from './marks.js';
import { omitAt, setAt } from './paths.js';
import { emptyFor, jsonSchemaOf, type JsonSchema } from './schema.js';

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
const STAGES: Record<string, string> = { check: '校验', plan: '确定字体', fonts: '载入字体', wasm: '载入子集程序', layout: '排版', render: '生成文件' };

export class FormPage {
  private data: Record<string, any> | null = null;
  private previous: unknown;
  /** the opened file's own computed values that disagreed (the page shows the computed ones) */
  private loadNotes: Shown[] = [];
  private readonly root: JsonSchema;
  private readonly ctx: FormCtx;

  constructor(private readonly t: Template<any>) {
    this.root = jsonSchemaOf(t.schema);
    this.ctx = {
      data: () => this.data!,
      set: (path, value) => {
        setAt(this.data!, path, value);
        this.check();
      },
      redraw: () => this.draw(),
    };
  }

  start(): void {
    document.title = `${this.t.title} · 填报`;
    $('#title').textContent = `${this.t.title}：填报`;
    this.fileInput('#open', (bytes, name) => {
      const r = readDataFile(bytes, name, this.t.inputs);
      if (!r.ok) return this.failOpen(r.message);
      const other = typeof r.data.template === 'string' && r.data.template !== this.t.id ? r.data.template : undefined;
      if (other) return this.failOpen(`无法打开 ${name}：这是模板 ${other} 的数据文件，本页是 ${this.t.id}（请在 模板列表 中打开该模板的页面）`);
      this.load(r.data);
    });
    this.fileInput('#previous', (bytes, name) => {
      const r = readDataFile(bytes, name, this.t.inputs);
      $('#previous-name').textContent = r.ok ? `已载入上一年度数据 ${name}` : r.message;
      $('#previous-name').className = r.ok ? '' : 'error';
      this.previous = r.ok ? r.data : undefined;
      if (this.data) this.check();
    });
    $('#previous-box').hidden = !this.t.previous;
    $('#save').addEventListener('click', () => this.save());
    document.querySelectorAll<HTMLButtonElement>('button[data-format]').forEach((b) => b.addEventListener('click', () => void this.export(b.dataset.format as 'pdf' | 'docx')));
    this.load(structuredClone((this.t.example as Record<string, unknown> | undefined) ?? (emptyFor(this.root) as Record<string, unknown>)));
  }

  private fileInput(sel: string, then: (bytes: Uint8Array, name: string) => void): void {
    const input = $<HTMLInputElement>(sel);
    input.addEventListener('change', async () => {
      const f = input.files?.[0];
      input.value = '';
      if (!f) return;
      try {
        then(new Uint8Array(await f.arrayBuffer()), f.name);
      } catch (e) {
        this.failOpen(`无法打开 ${f.name}：${(e as Error).message || String(e)}`);
      }
    });
  }

  /** the data shown before a file failed to open: kept aside until the user takes it back or opens another file */
  private stash: Record<string, any> | null = null;

  /**
   * A file that cannot be opened: say so, show no form and export nothing — the export must never be taken
   * for the file's (defect 11). What was being edited can be taken back with one click.
   */
  private failOpen(message: string): void {
    if (this.data) this.stash = this.data;
    this.data = null;
    this.loadNotes = [];
    $('#form').innerHTML = '';
    $('#messages').innerHTML = '';
    $('#file-error').textContent = message;
    if (this.stash) {
      const back = document.createElement('button');
      back.type = 'button';
      back.textContent = '继续编辑之前的数据';
      back.addEventListener('click', () => {
        const d = this.stash!;
        this.stash = null;
        $('#file-error').textContent = '';
        this.data = d;
        this.enable(true);
        this.draw();
      });
      $('#file-error').append(' ', back);
    }
    $('#status').textContent = '没有可检查的数据';
    $('#status').className = 'error';
    this.enable(false);
  }

  private enable(on: boolean): void {
    document.querySelectorAll<HTMLButtonElement>('button[data-format], #save').forEach((b) => (b.disabled = !on));
  }

  /** Opens data: the computed cells are left out (the page computes them); a given value that disagreed is noted. */
  load(input: Record<string, unknown>): void {
    $('#file-error').textContent = '';
    this.stash = null;
    const data = structuredClone(input) as Record<string, any>;
    this.loadNotes = [];
    let computed: string[] = [];
    try {
      computed = (this.t.computed ?? []).flatMap((c) => c.paths(data as never));
      const r = this.t.check(structuredClone(data));
      this.loadNotes = r.errors
        .filter((e) => computed.some((c) => e.path === c || e.path.startsWith(`${c}[`)))
        .map((e) => ({ ...e, kind: 'warning', message: `打开的文件中 ${e.message}（页面按分项重新计算）` }));
    } catch {
      /* a shape error: check() below shows it */
    }
    for (const p of [...computed].reverse()) omitAt(data, p);
    if (this.root.properties?.template) data.template = this.t.id;
    this.data = data;
    this.enable(true);
    this.draw();
  }

  private draw(): void {
    const box = $('#form');
    box.replaceChildren(drawForm(this.t, this.root, this.ctx));
    this.check();
  }

  /** The template's own check(): the same code as `cjk-report validate`. */
  check(): void {
    if (!this.data) return;
    const box = $('#form');
    let errors: Problem[] = [];
    let warnings: Problem[] = [];
    try {
      const r = this.t.check(structuredClone(this.data), { previous: this.previous });
      errors = r.errors;
      warnings = r.warnings;
      showComputed(box, r.data);
    } catch (e) {
      errors = (e as { problems?: Problem[] }).problems ?? [{ path: '', message: `检查出错：${(e as Error).message || String(e)}` }];
      showComputed(box, {});
    }
    const label = labelLookup(this.t.labels(this.data));
    const all: Shown[] = [...errors.map((p) => ({ ...p, kind: 'error' as const })), ...this.loadNotes, ...warnings.map((p) => ({ ...p, kind: 'warning' as const }))];
    showProblems(box, $('#messages'), all, label);
    const status = $('#status');
    const notes = this.loadNotes.length + warnings.length;
    status.textContent = errors.length ? `${errors.length} 处勾稽或格式问题` : notes ? `勾稽关系无误（${notes} 条提示）` : '勾稽关系无误';
    status.className = errors.length ? 'error' : '';
  }

  private save(): void {
    if (!this.data) return;
    let name = this.t.id;
    try {
      name = this.t.fileName?.(this.t.check(structuredClone(this.data)).data) ?? name;
    } catch {
      /* data that does not check yet is saved all the same */
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([`# ${this.t.id}\n${YAML.stringify(this.data)}`], { type: 'application/yaml' }));
    a.download = `${name.replace(/[\\/:*?"<>|\s]+/g, '') || 'data'}.yaml`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
  }

  private async export(format: 'pdf' | 'docx'): Promise<void> {
    if (!this.data) return;
    const status = $('#export-status');
    status.textContent = '正在生成…';
    this.enable(false);
    try {
      const r = await exportReport(structuredClone(this.data), {
        format,
        // a template the server gave the page (a module) is not in the worker's bundle: its object goes
        template: isBuiltIn(this.t.id) ? this.t.id : this.t,
        previous: this.previous,
        onProgress: (p) => (status.textContent = `${STAGES[p.stage] ?? p.stage}…${p.detail ? ` ${p.detail}` : ''}`),
      });
      status.textContent = `已生成 ${r.fileName}（${Math.round(r.blob.size / 1024)} KB，${r.ms} ms）`;
      (window as any).lastExport = { fileName: r.fileName, ms: r.ms, size: r.blob.size, fonts: r.fonts };
    } catch (e) {
      const err = e as { title?: string; problems?: Problem[] };
      status.textContent = `${err.title ?? '导出失败'}：${(err.problems ?? []).map((p) => p.message).join('；') || String(e)}`;
    } finally {
      this.enable(this.data !== null);
    }
  }
}
