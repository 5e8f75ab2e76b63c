// A user's template module loaded by the 填报 page imports `cjk-report/templates`: the page's own defineTemplate.
export { defineTemplate } from '../app.js';
