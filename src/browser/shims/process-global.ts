/** A few dependencies read process.env or process.nextTick; the browser has neither. */
export const process = { env: {}, nextTick: (f: (...a: unknown[]) => void, ...a: unknown[]) => queueMicrotask(() => f(...a)), browser: true };
