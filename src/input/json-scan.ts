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
      let escaped = false;
      for (let d = text.charCodeAt(j); d !== 0x22; d = text.charCodeAt(j)) {
        if (d === 0x5c) {
          escaped = true;
          j += 2;
        } else j++;
      }
      if (top?.keys && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        if (top.keys.has(key) && !out.duplicate) out.duplicate = { path: path().slice(0, -1).concat(key), key, at: i };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      let plain = true; // digits only: an integer
      for (let d = text.charCodeAt(j); j < n && ((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d); d = text.charCodeAt(++j)) if (d < 0x30 || d > 0x39) plain = false;
      // 16 digits and more may not survive a double (2^53 has 16)
      if (plain && j - i - (c === 0x2d ? 1 : 0) >= 16) out.inexact.push({ path: path(), text: text.slice(i, j) });
      i = j;
    } else i++;
  }
  return out;
}
