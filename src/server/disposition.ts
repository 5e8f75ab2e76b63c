/**
 * Content-Disposition for a Chinese file name (RFC 6266 + RFC 5987): an ASCII `filename` for old
 * clients and `filename*=UTF-8''…` with the real name. The fallback keeps the ASCII characters and
 * the digits (方正县…2020年…报告.pdf → report-2020.pdf), never a quote or a path separator.
 */
import { safeFileName } from '../file-name.js';

export function contentDisposition(name: string, ext: string): string {
  name = safeFileName(name);
  const ascii = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  const fallback = `${/[A-Za-z]/.test(ascii) ? ascii : `report${ascii ? `-${ascii}` : ''}`}.${ext}`;
  const encoded = encodeURIComponent(`${name}.${ext}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
