// The Sheets server library's stand-in for the `diacritics` package (issue 12: a smaller script).
// i18n-iso-countries requires it only to match country NAMES in getCode(), which core/countries.ts
// never calls (it keeps its own lookup); accents are still removed the standard way if it ever is.
module.exports = { remove: (s) => String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '') };
