// i18n-iso-countries/codes.json for the Sheets server library (issue 12: a smaller script): each
// entry keeps its alpha-2 and alpha-3 code, the only ones core/countries.ts reads (the numeric code
// and the "ISO 3166-2:XX" text are dropped).
module.exports = function isoCodes(source) {
  const codes = JSON.parse(source);
  return JSON.stringify(codes.map((c) => [c[0], c[1]]));
};
