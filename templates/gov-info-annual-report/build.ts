import type { Block } from '../../src/model/blocks.js';
import type { ReportDocument } from '../../src/model/document.js';
import type { Inline } from '../../src/model/text.js';
import { gongwenPage, gongwenStyles } from '../../src/presets/gongwen.js';
import { SECTION_HEADINGS } from './labels.js';
import type { AnyData, Para, Version } from './schema.js';
import { applicationsTable, proactiveTable, reviewsTable } from './tables.js';

export function defaultTitle(d: AnyData): string {
  return `${d.agency}\n${d.year}年政府信息公开工作年度报告`;
}

export function defaultIntro(d: AnyData): string {
  return (
    `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。全文包括总体情况、主动公开政府信息情况、` +
    `收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。` +
    `本报告中所列数据的统计期限自${d.year}年1月1日起至${d.year}年12月31日止。`
  );
}

/** A paragraph; a run-in sub-heading ("（一）主动公开情况。") is set in 楷体 like a 二级标题. */
function paragraph(p: Para): Block {
  const text: Inline = typeof p === 'string' ? p : [{ text: p.heading, font: 'kai' }, p.text];
  return { type: 'paragraph', text };
}

/** Data (already checked, totals filled) → a ReportDocument in 公文 typography with the official tables. */
export function buildReport(d: AnyData, version: Version): ReportDocument {
  return buildWithOrigins(d, version).doc;
}

/** The data field each block comes from, for error paths (see Template.dataPath). */
function buildWithOrigins(d: AnyData, version: Version): { doc: ReportDocument; origins: string[] } {
  const s = d.sections;
  const blocks: Block[] = [{ type: 'title', text: d.title ?? defaultTitle(d) }];
  const origins: string[] = [d.title !== undefined ? 'title' : 'agency'];
  (d.intro ?? [defaultIntro(d)]).forEach((p, k) => {
    blocks.push(paragraph(p));
    origins.push(d.intro ? `intro[${k}]` : 'year');
  });
  const section = (key: keyof typeof SECTION_HEADINGS, table?: Block) => {
    const sec = s[key];
    blocks.push({ type: 'heading', level: 1, text: sec.heading ?? SECTION_HEADINGS[key] });
    origins.push(`sections.${key}.heading`);
    sec.paragraphs.forEach((p, k) => {
      blocks.push(paragraph(p));
      origins.push(`sections.${key}.paragraphs[${k}]`);
    });
    if (table) {
      blocks.push(table);
      origins.push(`tables.${key}`);
    }
  };
  section('overview');
  section('proactive', proactiveTable(d, version, s.proactive.caption));
  section('applications', applicationsTable(d, version, s.applications.caption));
  section('reviews', reviewsTable(d, s.reviews.caption));
  section('problems');
  section('other');
  if (d.signature) {
    blocks.push({ type: 'signature', lines: [d.signature.agency ?? d.agency, d.signature.date] });
    origins.push('signature');
  }
  const title = (d.title ?? defaultTitle(d)).replace(/\n/g, '');
  const doc: ReportDocument = {
    meta: { title, author: d.agency, subject: '政府信息公开工作年度报告', keywords: ['政府信息公开', String(d.year)] },
    page: gongwenPage,
    styles: gongwenStyles,
    blocks,
  };
  return { doc, origins };
}

/** blocks[3].text → sections.overview.paragraphs[0]; tables.applications.caption → sections.applications.caption. */
export function dataPathOf(modelPath: string, d: AnyData, version: Version): string | undefined {
  const caption = /^tables\.(\w+)\.caption$/.exec(modelPath);
  if (caption) return `sections.${caption[1]}.caption`;
  if (modelPath.startsWith('meta.title')) return d.title !== undefined ? 'title' : 'agency';
  const m = /^blocks\[(\d+)\](.*)$/.exec(modelPath);
  if (!m) return undefined;
  const origin = buildWithOrigins(d, version).origins[Number(m[1])];
  if (!origin) return undefined;
  if (origin === 'signature') {
    const line = /^\.lines\[(\d+)\]/.exec(m[2]);
    if (line?.[1] === '1') return 'signature.date';
    return d.signature?.agency !== undefined ? 'signature.agency' : 'agency';
  }
  // a run-in sub-heading is the first run of its paragraph
  const para = /^(sections\.\w+\.paragraphs\[\d+\]|intro\[\d+\])$/.exec(origin);
  if (para && /^\.text\[0\]/.test(m[2])) return `${origin}.heading`;
  return origin;
}
