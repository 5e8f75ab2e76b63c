/** No file system in the browser: the renderers read no file (pdfkit's PDF/A profile would, so PDF/A is Node-only). */
function unavailable(): never {
  throw new Error('no file system in the browser build');
}
export const readFileSync = unavailable;
export const existsSync = () => false;
export const createWriteStream = unavailable;
export default { readFileSync, existsSync, createWriteStream };
