import type { PageSetup, Styles } from '../model/document.js';

/**
 * 党政机关公文格式 (GB/T 9704-2012 and common practice): A4, top margin 37 mm, left 28 mm, text block
 * 156 × 225 mm; title 22 pt (二号) centred; body 16 pt (三号) 仿宋, first line indented two characters,
 * fixed 28 pt lines; 一级标题 黑体, 二级标题 楷体; tables 10.5 pt (五号) with narrow labels at 9 pt;
 * page numbers "— 1 —" in 14 pt (四号), 7 mm below the text block, odd pages right, even pages left.
 */
export const gongwenPage: PageSetup = {
  size: 'A4',
  orientation: 'portrait',
  margins: { top: 37, left: 28, right: 210 - 28 - 156, bottom: 297 - 37 - 225 },
  pageNumbers: { style: 'dash', position: 'outside', size: 14, font: 'serif', offset: 7, inset: 1 },
};

export const gongwenStyles: Styles = {
  title: { font: 'title', size: 22, bold: false, align: 'center', indent: 0, lineSpacing: { exact: 36 }, spaceBefore: 0, spaceAfter: 28 },
  body: { font: 'fangsong', size: 16, align: 'justify', indent: 2, lineSpacing: { exact: 28 } },
  heading1: { font: 'sans', size: 16, bold: false, align: 'left', indent: 2, lineSpacing: { exact: 28 }, spaceBefore: 0, spaceAfter: 0 },
  heading2: { font: 'kai', size: 16, bold: false, align: 'left', indent: 2, lineSpacing: { exact: 28 }, spaceBefore: 0, spaceAfter: 0 },
  heading3: { font: 'fangsong', size: 16, bold: true, align: 'left', indent: 2, lineSpacing: { exact: 28 } },
  table: { font: 'serif', size: 10.5, headerSize: 10.5, labelSize: 9 },
  caption: { font: 'sans', size: 12, align: 'center', indent: 0, lineSpacing: { exact: 22 }, spaceBefore: 6, spaceAfter: 6 },
};
