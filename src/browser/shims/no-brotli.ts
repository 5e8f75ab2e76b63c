/** fontkit's WOFF2 decoder is never reached: the web fonts are TrueType, sent Brotli-encoded over HTTP. */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not supported in the browser build; use TrueType');
}
