// A user's template module loaded by the 填报 page imports `zod` (see the page's import map): the page's own copy.
export { z } from '../app.js';
