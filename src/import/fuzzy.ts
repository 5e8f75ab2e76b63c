/**
 * Label matching that survives what publishers do to labels: "1、" for "1.", full-width digits, spaces,
 * line breaks, a dropped or changed character (其他法律行政止公开). Compares Han characters and digits only.
 */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/[^\p{Script=Han}\d]/gu, '');
}

function bigrams(s: string): string[] {
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** The share (0–1) of the expected label's character pairs found in the text. */
export function similarity(expected: string, text: string): number {
  const e = bigrams(norm(expected));
  if (!e.length) return 0;
  const t = new Set(bigrams(norm(text)));
  return e.filter((b) => t.has(b)).length / e.length;
}

/**
 * Aligns the rows as read (in order) with the expected labels (in order), keeping both orders: each pair
 * gains 0.2 plus its similarity, so every row is matched when the counts agree, and labels decide where
 * rows are missing or extra. Returns for each expected label the index of its row, or -1.
 */
export function align(expected: string[], found: string[]): { index: number[]; score: number[] } {
  const n = found.length;
  const m = expected.length;
  const sim = expected.map((e) => found.map((f) => similarity(e, f)));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + 0.2 + sim[j - 1][i - 1]);
  const index = new Array<number>(m).fill(-1);
  const score = new Array<number>(m).fill(0);
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (best[i][j] === best[i - 1][j - 1] + 0.2 + sim[j - 1][i - 1]) {
      index[j - 1] = i - 1;
      score[j - 1] = sim[j - 1][i - 1];
      i--;
      j--;
    } else if (best[i][j] === best[i - 1][j]) i--;
    else j--;
  }
  return { index, score };
}
