/** No file system in the browser: pdfmake's virtual file system holds the fonts; anything else is an error. */
function unavailable(): never {
  throw new Error('no file system in the browser build');
}
export const readFileSync = unavailable;
export const existsSync = () => false;
export const createWriteStream = unavailable;
export default { readFileSync, existsSync, createWriteStream };
