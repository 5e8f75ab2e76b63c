import { CjkReportError } from '../errors.js';

export type Refusal = 'no-text-layer' | 'garbled-text' | 'not-annual-report' | 'unsupported-file' | 'unreadable-file';

const MESSAGES: Record<Refusal, string> = {
  'no-text-layer': '没有文字层（可能是扫描件），无法读取表格；请先做文字识别（OCR）或取得原始文档',
  'garbled-text': '文字层是乱码（读不出汉字，字体未嵌入编码表），无法读取；请取得原始文档',
  'not-annual-report': '不是政府信息公开工作年度报告（找不到年度报告的标题或表格）',
  'unsupported-file': '不支持的文件类型；可读取 .pdf、.docx、.html/.htm',
  'unreadable-file': '文件已损坏或不是所声称的格式，无法打开',
};

/** A document the importer refuses, with the reason as a stable code (for audit rows and tests). */
export class ImportRefusal extends CjkReportError {
  constructor(
    readonly reason: Refusal,
    file: string,
    detail?: string,
  ) {
    super('unreadable-input', [{ path: file, message: MESSAGES[reason] + (detail ? `（${detail}）` : '') }], '无法导入');
    this.name = 'ImportRefusal';
  }
}
