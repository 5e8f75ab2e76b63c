// Stands in for pdfkit's line breaker in the CLI bundle: the layout breaks every line before pdfkit draws.
module.exports = class LineBreaker {
  constructor() {
    throw new Error('pdfkit text wrapping is not part of the cjk-report CLI bundle');
  }
};
