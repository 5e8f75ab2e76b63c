/**
 * The one file-name sanitizer (a template's report name, the browser's download name, the HTTP
 * Content-Disposition): what no file system or browser accepts — path separators, Windows' reserved
 * characters, control and bidi-override characters, leading dots — is dropped, and the name is cut to
 * 80 characters (240 bytes of UTF-8 Chinese, inside every file system's 255). Empty → the fallback.
 */
export function safeFileName(name: string | undefined, fallback = 'report'): string {
  const clean = (name ?? '')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return [...clean].slice(0, 80).join('').trim() || fallback;
}
