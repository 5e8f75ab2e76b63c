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
  const s = d.sections;
  const blocks: Block[] = [{ type: 'title', text: d.title ?? defaultTitle(d) }];
  for (const p of d.intro ?? [defaultIntro(d)]) blocks.push(paragraph(p));
  const section = (key: keyof typeof SECTION_HEADINGS, table?: Block) => {
    const sec = s[key];
    blocks.push({ type: 'heading', level: 1, text: sec.heading ?? SECTION_HEADINGS[key] });
    for (const p of sec.paragraphs) blocks.push(paragraph(p));
    if (table) blocks.push(table);
  };
  section('overview');
  section('proactive', proactiveTable(d, version, s.proactive.caption));
  section('applications', applicationsTable(d, version, s.applications.caption));
  section('reviews', reviewsTable(d, s.reviews.caption));
  section('problems');
  section('other');
  if (d.signature) blocks.push({ type: 'signature', lines: [d.signature.agency ?? d.agency, d.signature.date] });
  const title = (d.title ?? defaultTitle(d)).replace(/\n/g, '');
  return {
    meta: { title, author: d.agency, subject: '政府信息公开工作年度报告', keywords: ['政府信息公开', String(d.year)] },
    page: gongwenPage,
    styles: gongwenStyles,
    blocks,
  };
}
