/**
 * A1 notation. Its own module so that a host which only names columns (the Sheets server library,
 * issue 12) does not load the header synonyms of columns.ts.
 */

/** Column letter(s) of a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
