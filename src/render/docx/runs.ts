import { TextRun } from 'docx';
import type { Piece } from '../../layout/types.js';

/** A run with the face's family on every script slot, East Asian included, so Word never substitutes. */
export function runOf(p: Piece, opts: { breakBefore?: boolean } = {}): TextRun {
  const family = p.face.family;
  if (p.text === '\n') return new TextRun({ break: 1 });
  return new TextRun({
    text: p.verticalForms ?? p.text,
    font: { ascii: family, eastAsia: family, hAnsi: family, cs: family },
    size: Math.round(p.size * 2),
    bold: p.face.bold,
    ...(opts.breakBefore ? { break: 1 } : {}),
  });
}

export function runsOf(pieces: Piece[]): TextRun[] {
  return pieces.map((p) => runOf(p));
}
