/** pdfkit and fontkit use Node's Buffer as a global; esbuild injects this binding where they do. */
export { Buffer } from 'buffer';
