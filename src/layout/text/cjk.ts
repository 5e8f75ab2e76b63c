/** Characters that must not start a line (行首禁则). */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』”’…—·%‰℃〕】〉）］｝,.;:?!)]}·・〗〙']);
/** Characters that must not end a line (行尾禁则). */
export const NO_LINE_END = new Set([...'（《「『“‘〔【〈［｛([{〖〘']);

/** Punctuation that may hang past the end of a line (悬挂标点), as Word and LibreOffice allow by default. */
export const HANGING = new Set([...'、。，．；：？！,.']);

/** Horizontal punctuation → its vertical presentation form (what `vert` substitutes in CJK fonts). */
export const VERTICAL_FORMS: Record<string, string> = {
  '，': '\uFE10', '、': '\uFE11', '。': '\uFE12', '：': '\uFE13', '；': '\uFE14', '！': '\uFE15', '？': '\uFE16',
  '「': '\uFE41', '」': '\uFE42', '『': '\uFE43', '』': '\uFE44', '（': '\uFE35', '）': '\uFE36', '｛': '\uFE37',
  '｝': '\uFE38', '〔': '\uFE39', '〕': '\uFE3A', '【': '\uFE3B', '】': '\uFE3C', '《': '\uFE3D', '》': '\uFE3E',
  '〈': '\uFE3F', '〉': '\uFE40', '…': '\uFE19', '—': '\uFE31',
};

/** Letters, digits and the marks inside numbers: kept together on one line like a word. */
export function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9\u00C0-\u024F.,%+\-−'’_/:@#&]/.test(ch);
}

export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u00A0' || ch === '\t';
}
