export * from './text.js';
export * from './table.js';
export * from './blocks.js';
export * from './document.js';
export * from './errors.js';
export * from './parse.js';
