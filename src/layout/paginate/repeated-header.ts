import { drawRows } from '../draw/rows.js';
import type { PageFlow } from '../flow/page-flow.js';
import type { LaidCell, LaidTable } from '../types.js';

/** A table's header rows, drawn on the first page and (with repeatHeader) again on every page it continues on. */
export class HeaderRows {
  readonly height: number;
  readonly cells: LaidCell[];
  constructor(
    private readonly t: LaidTable,
    private readonly colX: number[],
  ) {
    this.height = t.rowHeights.slice(0, t.headerRows).reduce((a, b) => a + b, 0);
    this.cells = t.cells.filter((c) => c.r < t.headerRows);
  }

  /** Whether the header is drawn on a page: always on the table's first page, then if it repeats. */
  shownOn(firstPage: boolean): boolean {
    return this.t.headerRows > 0 && (firstPage || this.t.repeatHeader);
  }

  draw(flow: PageFlow, y: number): void {
    drawRows(flow, this.t, this.cells, this.t.rowHeights, this.colX, 0, this.t.headerRows, y);
  }
}
