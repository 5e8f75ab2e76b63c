/**
 * A JSON or YAML syntax error, said in Chinese with its line and column. The parsers' own messages are
 * English sentences; the user needs where and roughly what, so the position is recovered and the kind
 * of mistake named from the parser's wording (the raw wording is not shown).
 */
export function syntaxMessage(e: unknown, text: string, format: 'JSON' | 'YAML' | 'YAML/JSON'): string {
  const err = e as { message?: string; linePos?: { line: number; col: number }[]; code?: string };
  const full = String(err.message ?? e);
  const msg = full.split('\n')[0];
  let where = '';
  if (err.linePos?.[0]) where = `第 ${err.linePos[0].line} 行第 ${err.linePos[0].col} 列`;
  else {
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const pos = /at position (\d+)/.exec(msg);
    const at = pos ? Number(pos[1]) : tokenPosition(full, text);
    if (lc) where = `第 ${lc[1]} 行第 ${lc[2]} 列`;
    else if (at !== undefined) where = lineCol(text, at);
  }
  return `无法解析为 ${format}：${where ? `${where}，` : ''}${what(msg, err.code)}`;
}

function lineCol(text: string, at: number): string {
  const before = text.slice(0, at).split('\n');
  return `第 ${before.length} 行第 ${before[before.length - 1].length + 1} 列`;
}

/** V8 gives no position for an unexpected token, only an excerpt around it: find the excerpt in the text. */
function tokenPosition(msg: string, text: string): number | undefined {
  // `…, "<whole text>" is not valid JSON` or `…, ...<excerpt>[...]" is not valid JSON`, the token ~10 characters in
  const m = /^Unexpected token '(.+?)', (?:\.\.\.([\s\S]*?)|"([\s\S]*?))(?:\.\.\.)?" is not valid JSON$/.exec(msg);
  if (!m) return undefined;
  const excerpt = m[2] ?? m[3];
  const start = text.indexOf(excerpt);
  if (start < 0) return undefined;
  const k = excerpt.indexOf(m[1], m[2] !== undefined ? Math.max(0, Math.min(9, excerpt.length - 1)) : 0);
  return k < 0 ? undefined : start + k;
}

function what(msg: string, code?: string): string {
  const token = /Unexpected token '(.+?)'/.exec(msg);
  if (token) return `此处不应出现“${token[1]}”`;
  if (/end of JSON input|Unexpected end/i.test(msg)) return '内容意外结束（括号或引号未闭合？）';
  if (/non-whitespace character after JSON/.test(msg)) return 'JSON 已结束，后面还有多余的内容';
  if (/Bad control character|Bad escaped character/.test(msg)) return '字符串中有未转义的控制字符或错误的转义';
  if (/Unterminated string|Missing closing/i.test(msg)) return '引号未闭合';
  if (/Expected ',' or '\}'|Expected ',' or '\]'/.test(msg)) return '缺少逗号或右括号';
  if (/Expected property name/.test(msg)) return '此处应为带双引号的键名';
  if (/Unresolved alias/.test(msg)) return '引用了未定义的 YAML 锚点（别名 * 须在锚点 & 之后）';
  if (/alias count/i.test(msg)) return 'YAML 别名过多';
  if (/end with a [\]}]/.test(msg)) return '方括号或花括号未闭合，或缩进不正确';
  if (code === 'BAD_INDENT' || /indent/i.test(msg)) return '缩进不正确';
  if (code === 'DUPLICATE_KEY' || /unique/i.test(msg)) return '键名重复';
  if (code === 'MULTIPLE_DOCS') return '包含多个 YAML 文档（---），只能有一个';
  if (code === 'TAB_AS_INDENT' || /tab/i.test(msg)) return '不能用制表符缩进';
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || /implicit/i.test(msg)) return '键值对的写法不正确（冒号后缺少空格，或嵌套的写法有误）';
  return code ? `语法错误（${code}）` : '语法错误';
}
