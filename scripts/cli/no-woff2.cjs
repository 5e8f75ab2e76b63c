// Stands in for brotli's decoder in the CLI bundle: only WOFF2 fonts need it.
module.exports = function decompress() {
  throw new Error('WOFF2 fonts are not supported by the cjk-report CLI; convert the font to TTF or OTF');
};
