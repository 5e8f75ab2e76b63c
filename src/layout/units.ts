export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number): number => v * PT_PER_MM;
export const toTwips = (pt: number): number => Math.round(pt * 20);

export const PAGE_SIZES_MM = { A4: [210, 297], A3: [297, 420] } as const;

/** Rounds to 1/1000 pt so positions are stable across runs and platforms. */
export const roundPt = (v: number): number => Math.round(v * 1000) / 1000;
