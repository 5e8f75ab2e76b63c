/**
 * Runs (w:r). Every run names its face on all four script slots, East Asian included, so neither Word nor
 * LibreOffice substitutes a font. Adjacent pieces in the same face and size become one run (the XML is
 * the same document, a third of the size); line breaks are w:br inside the run.
 */
import { LRUCache } from 'lru-cache';
import type { Line, Piece } from '../../layout/types.js';
import { attr, text } from './xml.js';

const rPrCache = new LRUCache<string, string>({ max: 512 });

/** w:rPr for a face and size (pt); a pure function of family, weight and size, so kept per process. */
export function runProps(family: string, bold: boolean, size: number, spacing = 0): string {
  const key = `${family}\u0000${bold ? 1 : 0}\u0000${size}\u0000${spacing}`;
  let xml = rPrCache.get(key);
  if (xml === undefined) {
    const f = attr(family);
    const half = Math.round(size * 2);
    xml = `<w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>${bold ? '<w:b/><w:bCs/>' : ''}${spacing ? `<w:spacing w:val="${spacing}"/>` : ''}<w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr>`;
    rPrCache.set(key, xml);
  }
  return xml;
}

const pieceProps = (p: Piece) => runProps(p.face.family, p.face.bold, p.size);

/** w:t, with xml:space="preserve" only where XML would otherwise drop spaces. */
export function textElement(s: string): string {
  const t = text(s);
  return /^\s|\s$|\s\s/.test(t) ? `<w:t xml:space="preserve">${t}</w:t>` : `<w:t>${t}</w:t>`;
}

/**
 * Collects content into runs: a new run starts only where the run properties change, and text between
 * two breaks is one w:t. Line breaks wait for the next text, so they sit in the run of what follows them.
 */
class RunWriter {
  private out = '';
  private props: string | undefined;
  private text = '';
  private pendingBreaks = 0;

  add(props: string, s: string): void {
    if (props !== this.props) {
      this.flushText();
      if (this.props !== undefined) this.out += '</w:r>';
      this.out += `<w:r>${props}`;
      this.props = props;
    }
    if (this.pendingBreaks) {
      this.flushText();
      this.out += '<w:br/>'.repeat(this.pendingBreaks);
      this.pendingBreaks = 0;
    }
    this.text += s;
  }

  lineBreak(): void {
    this.pendingBreaks++;
  }

  /** A tab to the hanging indent (a cell paragraph's text after its lead). */
  tab(props: string): void {
    this.add(props, '');
    this.flushText();
    this.out += '<w:tab/>';
  }

  private flushText(): void {
    if (this.text) this.out += textElement(this.text);
    this.text = '';
  }

  finish(): string {
    if (this.props === undefined) return '';
    this.flushText();
    // breaks after the last text stay in the last run
    return `${this.out}${'<w:br/>'.repeat(this.pendingBreaks)}</w:r>`;
  }
}

function addPiece(w: RunWriter, p: Piece): void {
  if (p.tab) w.tab(pieceProps(p));
  if (p.text === '\n') w.lineBreak();
  // stacked punctuation in its Unicode vertical form: Word cannot apply the font's `vert` feature
  else w.add(pieceProps(p), p.verticalForms ?? p.text);
}

/** A flow paragraph's pieces ('\n' pieces are the author's line breaks). */
export function runs(pieces: Piece[]): string {
  const w = new RunWriter();
  for (const p of pieces) addPiece(w, p);
  return w.finish();
}

/**
 * A letter-spaced line (a spread title): every character but the last carries the spacing (twips), so
 * Word's centring does not count a space after the last one.
 */
export function spacedRuns(pieces: Piece[], spacing: number): string {
  const w = new RunWriter();
  const chars = pieces.flatMap((p) => [...p.text].map((ch) => ({ p, ch })));
  chars.forEach(({ p, ch }, k) => w.add(runProps(p.face.family, p.face.bold, p.size, k < chars.length - 1 ? spacing : 0), ch));
  return w.finish();
}

/** A cell's lines as the layout broke them, joined by w:br so Word breaks them at the same places. */
export function lineRuns(lines: Line[]): string {
  const w = new RunWriter();
  lines.forEach((line, k) => {
    if (k > 0) w.lineBreak();
    for (const p of line.pieces) addPiece(w, p);
  });
  return w.finish();
}
