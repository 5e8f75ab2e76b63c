import type { FontRegistry } from '../fonts/registry.js';
import { registerFontSpecs } from '../fonts/specs.js';

/** ROLE=… or ROLE-bold=… specs with the file bytes already read: the same registration as the CLI's --font. */
export function registerFontBytes(reg: FontRegistry, fonts: { spec: string; bytes: Uint8Array }[]): FontRegistry {
  return registerFontSpecs(reg, fonts);
}
