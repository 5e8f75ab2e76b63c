/* The pdfkit document pdfmake returns from getStream() (pdfmake 0.3 drives pdfkit 0.19), typed from pdfkit's ES
 * build, which the bundles resolve pdfmake's `pdfkit` to. Only the members the renderer uses are declared. */
declare module 'pdfkit/js/pdfkit.es.js' {
  export interface PdfRef {
    data: Record<string, unknown>;
    /** set from the document's option when the object is made; false: the stream is written as given */
    compress: boolean;
    write(chunk: string | Uint8Array): void;
    end(chunk?: string | Uint8Array): void;
  }
  export interface PdfPage {
    fonts: Record<string, PdfRef>;
    height: number;
  }
  export default class PDFDocument {
    constructor(options: Record<string, unknown>);
    page: PdfPage;
    options: Record<string, unknown>;
    _fontFamilies: Record<string, unknown>;
    _fontCount: number;
    compress: boolean;
    ref(data?: Record<string, unknown>): PdfRef;
    addPage(options: Record<string, unknown>): this;
    addContent(data: string): this;
    image(src: ArrayBuffer | Uint8Array, x: number, y: number, options: Record<string, unknown>): this;
    on(event: 'readable', cb: () => void): this;
    read(): Uint8Array | null;
    on(event: 'end', cb: () => void): this;
    on(event: 'error', cb: (e: Error) => void): this;
    end(): void;
  }
}
