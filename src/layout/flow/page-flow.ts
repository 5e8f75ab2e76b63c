import type { LaidPage, PageGeometry } from '../types.js';

/** The pages being filled and the cursor on the current one. */
export class PageFlow {
  readonly pages: LaidPage[] = [];
  y = 0;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;

  constructor(readonly geom: PageGeometry) {
    this.left = geom.margins.left;
    this.width = geom.width - geom.margins.left - geom.margins.right;
    this.top = geom.margins.top;
    this.bottom = geom.height - geom.margins.bottom;
    this.newPage();
  }

  get page(): LaidPage {
    return this.pages[this.pages.length - 1];
  }

  newPage(): void {
    this.pages.push({ ops: [] });
    this.y = this.top;
  }

  atTop(): boolean {
    return this.y <= this.top + 0.01;
  }

  fits(h: number): boolean {
    return this.y + h <= this.bottom + 0.01;
  }

  /** Starts a new page unless `h` fits here (or we are already at the top, where nothing better can happen). */
  ensure(h: number): void {
    if (!this.fits(h) && !this.atTop()) this.newPage();
  }
}
