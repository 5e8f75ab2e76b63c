/**
 * A second look at JSON text that JSON.parse has already accepted: JSON.parse lets the last of two equal
 * keys win silently (a paragraph lost), and rounds integers past 2^53 without a trace. This walk finds the
 * first duplicate key, with its line, and the source text of every such integer, by path.
 */
export interface JsonScan {
  duplicate?: { path: (string | number)[]; key: string; at: number };
  /** integers a double rounds, with the path to each and the text as written */
  inexact: { path: (string | number)[]; text: string }[];
}

export function scanJson(text: string): JsonScan {
  const out: JsonScan = { inexact: [] };
  // One frame per open container: its keys (objects) or next index (arrays), and the key being read.
  interface Frame {
    keys?: Set<string>;
    index: number;
    key: string | number;
    expectKey: boolean;
  }
  const stack: Frame[] = [];
  const path = () => stack.map((f) => f.key);
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push(c === 0x7b ? { keys: new Set(), index: 0, key: '', expectKey: true } : { index: 0, key: 0, expectKey: false });
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      if (top?.keys) top.expectKey = true;
      else if (top) top.key = ++top.index;
      i++;
    } else if (c === 0x22 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key) && !out.duplicate) out.duplicate = { path: path().slice(0, -1).concat(key), key, at: i };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < n && /[0-9eE.+-]/.test(text[j])) j++;
      const num = text.slice(i, j);
      if (/^-?\d{16,}$/.test(num)) out.inexact.push({ path: path(), text: num });
      i = j;
    } else i++;
  }
  return out;
}
