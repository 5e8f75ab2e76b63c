/** fast-check generators: random report documents within the schema, and random template data. */
import fc from 'fast-check';

const HANZI = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再';
const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCT = '，。、；：？！（）《》“”—…·%.,;:()-/';

const from = (chars: string) => fc.constantFrom(...[...chars]);
/** A piece of text: runs of Chinese, Latin words, numbers, punctuation, and now and then a long unbroken run. */
const run = fc.oneof(
  { weight: 5, arbitrary: fc.array(from(HANZI), { minLength: 1, maxLength: 12 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.array(from(LATIN), { minLength: 1, maxLength: 10 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.array(from(DIGITS), { minLength: 1, maxLength: 8 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: from(PUNCT) },
  { weight: 1, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.tuple(from(LATIN + DIGITS + HANZI), fc.integer({ min: 30, max: 160 })).map(([c, n]) => c.repeat(n)) },
);
export const text = (max = 8) => fc.array(run, { minLength: 1, maxLength: max }).map((a) => a.join(''));
const label = fc.array(run, { minLength: 1, maxLength: 3 }).map((a) => a.join('').trim() || '标');

interface Node {
  label: string;
  vertical?: boolean;
  children?: Node[];
}
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record(
    {
      label,
      vertical: fc.boolean(),
      children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(undefined), fc.array(tie('node'), { minLength: 1, maxLength: 3 })),
    },
    { requiredKeys: ['label'] },
  ),
})).node.map(strip);

function strip(n: Node): Node {
  const out: Node = { label: n.label };
  if (n.vertical) out.vertical = true;
  if (n.children?.length) out.children = n.children.map(strip);
  return out;
}
const leaves = (ns: Node[]): number => ns.reduce((s, n) => s + (n.children ? leaves(n.children) : 1), 0);

const cellValue = fc.oneof(
  fc.integer({ min: -99999, max: 999999 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 1000) / 1000),
  fc.constant(null),
  text(2),
);

const treeTable = fc
  .record({
    columns: fc.array(node, { minLength: 1, maxLength: 3 }),
    rowHeader: fc.option(fc.array(node, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    extraRows: fc.integer({ min: 1, max: 6 }),
    seed: fc.array(cellValue, { minLength: 1, maxLength: 40 }),
  })
  .map(({ columns, rowHeader, extraRows, seed }) => {
    const cols = leaves(columns);
    const nRows = rowHeader ? leaves(rowHeader) : extraRows;
    const rows = Array.from({ length: nRows }, (_, r) => Array.from({ length: cols }, (_, c) => seed[(r * cols + c) % seed.length]));
    return { type: 'table', columns, ...(rowHeader ? { rowHeader: { corner: { text: '项目' }, rows: rowHeader } } : {}), rows };
  });

/** An explicit grid with random spans, placed so that it tiles (valid), or with spans drawn at random (usually not). */
const gridTable = fc
  .record({
    cols: fc.integer({ min: 1, max: 6 }),
    rows: fc.integer({ min: 1, max: 8 }),
    spans: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), text(2)), { minLength: 48, maxLength: 48 }),
    tile: fc.boolean(),
    headerRows: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ cols, rows, spans, tile, headerRows }) => {
    const free = Array.from({ length: rows }, () => new Array(cols).fill(true));
    const out: unknown[][] = Array.from({ length: rows }, () => []);
    let k = 0;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (!free[r][c]) continue;
        const [rs0, cs0, vertical, t] = spans[k++ % spans.length];
        let cs = 1;
        while (cs < cs0 && c + cs < cols && free[r][c + cs]) cs++;
        const rs = tile ? Math.min(rs0, rows - r) : rs0;
        for (let y = r; y < Math.min(r + rs, rows); y++) for (let x = c; x < c + cs; x++) free[y][x] = false;
        out[r].push({ text: t, ...(rs > 1 ? { rowSpan: rs } : {}), ...(cs > 1 ? { colSpan: cs } : {}), ...(vertical ? { vertical: true } : {}) });
      }
    return { type: 'grid', widths: Array.from({ length: cols }, () => ({ weight: 1 })), headerRows: Math.min(headerRows, rows), rows: out.map((r) => (r.length ? r : [])) };
  });

const block = fc.oneof(
  { weight: 4, arbitrary: text(12).map((t) => ({ type: 'paragraph', text: t })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(1, 2, 3), text(3)).map(([level, t]) => ({ type: 'heading', level, text: t })) },
  { weight: 1, arbitrary: text(3).map((t) => ({ type: 'title', text: t })) },
  { weight: 3, arbitrary: treeTable },
  { weight: 3, arbitrary: gridTable },
  { weight: 1, arbitrary: fc.constant({ type: 'pageBreak' }) },
);

const page = fc.record(
  {
    size: fc.constantFrom('A4', 'A3'),
    orientation: fc.constantFrom('portrait', 'landscape'),
    margins: fc.record({ top: fc.integer({ min: 5, max: 60 }), right: fc.integer({ min: 5, max: 60 }), bottom: fc.integer({ min: 5, max: 60 }), left: fc.integer({ min: 5, max: 60 }) }),
    header: text(2),
    footer: text(2),
    pageNumbers: fc.oneof(fc.constant(false as const), fc.record({ style: fc.constantFrom('plain', 'dash', 'page-of'), position: fc.constantFrom('center', 'left', 'right', 'outside') })),
  },
  { requiredKeys: [] },
);

export const documentArb = fc.record({ meta: fc.record({ title: text(2) }), page, blocks: fc.array(block, { minLength: 1, maxLength: 5 }) });

// ---- template data (2021 format) ----
const count = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.constant(null) });
/** 6 counts, and sometimes a 7th total: right, off by a little, or blank. */
const applicantRow = fc
  .tuple(fc.array(count, { minLength: 6, maxLength: 6 }), fc.constantFrom('none', 'right', 'off'), fc.integer({ min: 1, max: 3 }))
  .map(([six, total, off]) => {
    const s = six.reduce<number>((a, b) => a + (b ?? 0), 0);
    return total === 'none' ? six : [...six, total === 'right' ? s : s + off];
  });
const reviewGroup = fc
  .tuple(fc.array(count, { minLength: 4, maxLength: 4 }), fc.constantFrom('none', 'right', 'off'))
  .map(([four, total]) => {
    const s = four.reduce<number>((a, b) => a + (b ?? 0), 0);
    return total === 'none' ? four : [...four, total === 'right' ? s : s + 1];
  });
const group = <K extends string>(keys: K[]) => fc.tuple(...keys.map(() => applicantRow)).map((rows) => Object.fromEntries(keys.map((k, i) => [k, rows[i]])));

export const templateDataArb = fc
  .record({
    newReceived: applicantRow,
    carriedOver: applicantRow,
    granted: applicantRow,
    partial: applicantRow,
    denied: group(['stateSecret', 'prohibitedByLaw', 'threeSecurity', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFiles', 'inquiry']),
    unable: group(['notHeld', 'needsCreation', 'unclear']),
    notProcessed: group(['complaint', 'repeated', 'publication', 'massive', 'confirmation']),
    other: group(['noCorrection', 'noFee', 'other']),
    total: fc.option(applicantRow, { nil: undefined }),
    carriedForward: applicantRow,
    review: reviewGroup,
    direct: reviewGroup,
    afterReview: reviewGroup,
  })
  .map(({ review, direct, afterReview, total, ...a }) => ({
    agency: '某某局',
    year: 2021,
    tables: {
      proactive: { rules: [1, 0, 5], normativeDocs: [2, 1, 10], licensing: 3, penalty: 4, enforcement: 0, fees: '1.5' },
      applications: { ...a, ...(total ? { total } : {}) },
      reviews: { review, direct, afterReview },
    },
  }));
