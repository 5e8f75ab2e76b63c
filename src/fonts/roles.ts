/** The bundled families and the roles they draw: no I/O, shared by the Node loader and the browser. */
/** The open fonts shipped in fonts/ (subsets made by scripts/build-fonts.mjs). */
export const BUNDLED_FAMILIES = {
  'Noto Serif SC': { regular: 'NotoSerifSC-Regular.ttf', bold: 'NotoSerifSC-Bold.ttf' },
  'Noto Sans SC': { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' },
  'LXGW WenKai': { regular: 'LXGWWenKai-Regular.ttf', bold: 'LXGWWenKai-Bold.ttf' },
} as const;

export const BUNDLED_ROLES = {
  serif: ['Noto Serif SC'],
  sans: ['Noto Sans SC'],
  // WenKai lacks a few rare township characters; Noto Serif SC draws those.
  kai: ['LXGW WenKai', 'Noto Serif SC'],
  fangsong: [],
  title: [],
};
