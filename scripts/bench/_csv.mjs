// A plain RFC 4180 reader for the benchmarks' own generated CSV (quotes, doubled quotes, newlines in quotes).
import { readFileSync } from 'node:fs';

export function parseCsvRows(file) {
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const rows = [];
  let row = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let v = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unclosed quote');
        v += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          v += '"';
          i++;
        } else break;
      }
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n') j++;
      v = text.slice(i, j);
      i = j;
    }
    row.push(v === '' ? null : v);
    if (text[i] === ',') i++;
    else {
      rows.push(row);
      row = [];
      i++;
    }
  }
  return rows;
}
