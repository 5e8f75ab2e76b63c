/**
 * The one-language rule for messages (issue 8): Chinese sentences, with code-level identifiers (field
 * paths, limit and flag names, file names, format names) kept as they are inside them.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

/**
 * An English sentence left in a message, or undefined. Echoed user text (in “…” or "…") and identifiers
 * (anything with a digit or . _ / = - [ ] < > : +, or camelCase such as maxTableRows) are set aside first;
 * what is left is flagged when it has 3+ words in a row of which 2+ are lower-case: "is not valid JSON",
 * "register a font that has them". Proper names in capitals (Noto Serif SC) pass.
 */
export function englishSentence(message: string): string | undefined {
  const text = message
    .replace(/“[^”]*”|"[^"\n]*"|'[^'\n]*'/g, ' § ')
    .replace(/[\x21-\x7e]+/g, (tok) => {
      const word = tok.replace(/[,;:!?)(）（]+$/, '').replace(/^[(（]+/, '');
      return /^[A-Za-z]+$/.test(word) && !/[a-z][A-Z]/.test(word) ? tok : ' § ';
    });
  for (const m of text.matchAll(/[A-Za-z]+(?:[,;:]?[ \t]+[A-Za-z]+){2,}/g)) {
    const lower = m[0].split(/[^A-Za-z]+/).filter((w) => /^[a-z]+$/.test(w));
    if (lower.length >= 2) return m[0];
  }
  return undefined;
}

/** Why `message` breaks the rule (no Chinese, or an English sentence), or undefined when it keeps it. */
export function notChinese(message: string): string | undefined {
  if (!CJK.test(message)) return 'has no Chinese';
  const en = englishSentence(message);
  return en ? `has an English sentence: "${en}"` : undefined;
}
