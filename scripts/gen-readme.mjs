// Generates the reference sections in docs/: `functions` (docs/FUNCTIONS.md, from the function
// catalogue), `ratecard` (docs/RATE-CARD.md, from the built-in rate card) and `node` (docs/NODE.md,
// using the main entry from a Node script). Run after the node build (`npm run readme`):
//   node scripts/gen-readme.mjs          rewrite those sections
//   node scripts/gen-readme.mjs --check  exit 1 when a doc is out of date
// Only the text between <!-- section:NAME --> and <!-- /section:NAME --> of these three is touched.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Which doc holds which generated section. */
export const DOCS = {
  functions: path.join(root, 'docs/FUNCTIONS.md'),
  ratecard: path.join(root, 'docs/RATE-CARD.md'),
  node: path.join(root, 'docs/NODE.md'),
};
export const SECTIONS = Object.keys(DOCS);

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s) => '`' + String(s).replace(/\|/g, '\\|') + '`';

const RESULT = { number: 'number', money: 'number, rounded to cents', bool: 'TRUE/FALSE', text: 'text', date: 'date' };

export function functionsSection(m) {
  const out = [
    '## Functions',
    '',
    'Generated from the function catalogue (`core/functions/`) by `scripts/gen-readme.mjs`; the same definitions',
    'generate Excel\'s `functions.json`, the Sheets wrappers and the Node exports. Excel spells them `=AE.SG_FEE(…)`,',
    'Sheets `=SG_FEE(…)`. Any argument may be a range: the result is an array of the broadcast shape, one bad cell',
    'gets its own error and the others keep their values; rows whose every input is empty stay blank.',
    'Optional arguments are in brackets; empty cells (`null` in Excel, `""` in Sheets) mean "not given".',
    'Errors: `#VALUE!` bad input, `#N/A` the rule does not apply, `#NUM!` out of range, each with a message in',
    'English and Chinese. Rule ids point into the rule book.',
    '',
    '| function | arguments | returns | rules | example |',
    '|---|---|---|---|---|',
  ];
  for (const d of m.CATALOGUE) {
    const args = d.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(', ');
    const ex = d.examples[0];
    const example = ex ? `${code(ex.formula)} → ${code(ex.result)}` : '';
    out.push(`| ${code(d.name)}<br>${cell(d.nameZh)} | ${cell(args)} | ${cell(RESULT[d.result] ?? d.result)}: ${cell(d.help.en)} | ${d.rules.map((r) => `[${r}]`).join(' ')} | ${example} |`);
  }
  out.push('', '<details><summary>Arguments in detail (English / 中文)</summary>', '');
  for (const d of m.CATALOGUE) {
    out.push(`**${d.name}** (${d.nameZh}): ${cell(d.help.zh)}`, '');
    for (const a of d.args) out.push(`- ${code(a.name)} ${a.nameZh}${a.optional ? ' (optional / 可选)' : ''}: ${cell(a.help.en)} / ${cell(a.help.zh)}`);
    out.push('');
  }
  out.push('</details>');
  return out.join('\n');
}

export function ratecardSection(m) {
  const card = m.STANDARD_2024;
  const t = m.cardToTable(card, 'en');
  const zh = m.cardToTable(card, 'zh');
  const out = [
    '## Rate card',
    '',
    'Every number of the rule book lives in a rate card (zod schema `core/rates/schema.ts`), never in an `if`.',
    `The built-in card is **${card.card.id}**, effective **${card.card.effective}**; it is validated against the schema`,
    'when the package loads. A function given a date (`on_date`, `shipped_at`, `paid_at`) uses the built-in card in',
    'force on that date, otherwise the one in force today; before the first card takes effect the answer is `#N/A`.',
    '',
    'Every function that uses a number from the card takes an optional last argument `rates`: a range in the layout',
    'below (the task pane / sidebar can insert it into a sheet). A card in a range is **partial**: rows you leave out',
    'inherit the built-in card in force on your card\'s `card.effective` date (or the newest card when it has none),',
    'so a what-if needs a single row. `gift.tiers.emerging.fee | 3.0` makes `SG_FEE("BR", 30, TRUE, , A1:B1)` 3.00.',
    'The header row and the note column are optional and ignored on reading; rows may be in any order; countries may',
    'be written in any spelling (`US, FR, 英国`); lists are separated by commas or semicolons. A malformed card is a',
    '`#VALUE!` that names the bad row: a value that is not a number, an unknown key, a key given twice, a country in two',
    'tiers, an unknown country, a value out of range. New destinations for `[X-DOCS]` are rows `express.docs.XX`.',
    '',
    `| ${t[0].join(' | ')} | ${zh[0][2]} |`,
    '|---|---|---|---|',
  ];
  for (let i = 1; i < t.length; i++) out.push(`| ${code(t[i][0])} | ${cell(t[i][1])} | ${cell(t[i][2])} | ${cell(zh[i][2])} |`);
  return out.join('\n');
}

/** The Node example; test/core/readme.test.ts runs it against the built main entry. */
export const NODE_EXAMPLE = `const ae = require('ae-seller-rules'); // the package's main entry: dist/node/index.cjs

// A week of orders, e.g. read from a CSV export (one row per order).
const orders = [
  { id: 'A1', country: 'BR', giftWeight: 45, nfe: false, amount: 1200, daysOpen: 31, paid: '2024-07-01 09:00', uploaded: '2024-07-02 10:00' },
  { id: 'A2', country: '波兰', giftWeight: 60, nfe: '', amount: 80, daysOpen: 12, paid: '2024-07-01 12:00', uploaded: '2024-07-01 18:00' },
  { id: 'A3', country: 'EG', giftWeight: 20, nfe: '', amount: 35.5, daysOpen: 40, paid: '2024-07-02 08:00', uploaded: '2024-07-02 09:00' },
];
const col = (f) => orders.map((o) => [f(o)]); // a column, as a sheet range would hand it over

// One call per rule for the whole column, exactly like a spreadsheet formula over a range.
const fee = ae.SG_FEE(col((o) => o.country), col((o) => o.giftWeight), col((o) => o.nfe), col((o) => o.paid));
const penalty = ae.PENALTY(col((o) => o.amount), col((o) => o.daysOpen));
const late = ae.UPLOAD_LATE(col((o) => o.paid), col((o) => o.uploaded));

let giftCny = 0, penaltyUsd = 0;
orders.forEach((o, i) => {
  const f = fee[i][0];
  if (ae.isRuleError(f)) console.log(\`\${o.id}: no gift fee: \${f.kind} \${f.message} / \${f.messageZh}\`);
  else giftCny += f;
  penaltyUsd += penalty[i][0];
  if (late[i][0] === true) console.log(\`\${o.id}: tracking number uploaded late [X-UPLOAD]\`);
});
console.log(\`gift fees ¥\${giftCny.toFixed(2)}, timeout penalties $\${penaltyUsd.toFixed(2)}\`);

// What if the emerging-market fee rises to ¥3.0? Any card-using function takes a rate card as its last argument.
const whatIf = [['gift.tiers.emerging.fee', 3.0]];
console.log(ae.SG_FEE('BR', 45, true, null, whatIf)); // 3

// Chinese messages and a fixed "today" for reproducible reports:
const zh = ae.sheetFunctions({ lang: 'zh', now: Date.parse('2024-07-08T00:00:00Z') });
console.log(zh.SG_TIER('PL')); // 新兴市场
`;

export function nodeSection() {
  return [
    '## Node',
    '',
    'The package\'s main entry (`dist/node/index.cjs`, built by `npm run build`) exports every spreadsheet function under',
    'its sheet name, taking the same arguments a sheet would (numbers, text, `Date`, 2-D arrays for ranges), plus the',
    'typed core API (`toCountry`, `cardFor`, `cardFromTable`, `cardToTable`, `STANDARD_2024`, `CATALOGUE`, …).',
    'Results are plain values; a 2-D array when any argument was a range; `Date` objects for dates; and errors are',
    '**values**, never exceptions: `RuleError` objects with `kind` (`#VALUE!`, `#N/A`, `#NUM!`), `message` and',
    '`messageZh` (test them with `isRuleError`). `sheetFunctions({ lang, now })` gives the same functions with',
    'Chinese results or a pinned "today". A weekly report script:',
    '',
    '```js',
    NODE_EXAMPLE.trimEnd(),
    '```',
    '',
    'It prints `A1: tracking number uploaded late [X-UPLOAD]`, `A3: no gift fee: #N/A Small Gifts are not offered in',
    'Egypt (EG): cash-on-delivery market [G-COD] / …`, the totals `gift fees ¥7.50, timeout penalties $51.78`',
    '(BR 2.60 + 1.50 without NFe; PL 2.60 + 0.80 overweight; $50 capped + 5% of $35.50 = $1.78), then `3` and `新兴市场`.',
    '`npm run bench` measures this one-call path over 100,000 rows against a plain JS loop.',
  ].join('\n');
}

/** `text` with its generated sections (`names`, default the sections of the doc) rewritten. */
export function generate(text, m, names = SECTIONS.filter((n) => text.includes(`<!-- section:${n} -->`))) {
  const make = { functions: functionsSection, ratecard: ratecardSection, node: nodeSection };
  let out = text;
  for (const name of names) {
    const open = `<!-- section:${name} -->`;
    const close = `<!-- /section:${name} -->`;
    const a = out.indexOf(open);
    const b = out.indexOf(close);
    if (a < 0 || b < a) throw new Error(`${path.relative(root, DOCS[name])} has no ${open} … ${close} markers`);
    out = out.slice(0, a + open.length) + '\n' + make[name](m) + '\n' + out.slice(b);
  }
  return out;
}

export function loadMain() {
  return createRequire(import.meta.url)(path.join(root, 'dist/node/index.cjs'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const main = loadMain();
  let stale = 0;
  for (const [name, file] of Object.entries(DOCS)) {
    const rel = path.relative(root, file);
    const current = readFileSync(file, 'utf8');
    const next = generate(current, main, [name]);
    if (next === current) console.log(`${rel}: section ${name} up to date`);
    else if (process.argv.includes('--check')) {
      console.error(`${rel}: section ${name} is out of date: run npm run readme`);
      stale++;
    } else {
      writeFileSync(file, next);
      console.log(`${rel}: section ${name} regenerated`);
    }
  }
  if (stale) process.exit(1);
}
