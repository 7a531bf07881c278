/** DESIGN.md property 3: core/ knows no host. No Excel, Office, SpreadsheetApp, DOM or file system under core/. */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { root } from './_main';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Comments may mention hosts ("Excel: serial number"); only code counts. */
const stripComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const FORBIDDEN: [string, RegExp][] = [
  ['Excel.*', /\bExcel\s*\./],
  ['Office.*', /\bOffice\s*\./],
  ['CustomFunctions', /\bCustomFunctions\b/],
  ['SpreadsheetApp', /\bSpreadsheetApp\b/],
  ['Apps Script services', /\b(HtmlService|PropertiesService|CacheService|UrlFetchApp|ScriptApp|Session|Utilities|LockService)\s*\./],
  ['google.script', /\bgoogle\s*\.\s*script\b/],
  ['document.', /\bdocument\s*\./],
  ['window.', /\bwindow\s*\./],
  ['navigator.', /\bnavigator\s*\./],
  ['localStorage', /\b(localStorage|sessionStorage)\b/],
  ['fetch(', /\bfetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['fs import', /from\s+['"](node:)?fs(\/promises)?['"]|require\(\s*['"](node:)?fs['"]\s*\)/],
  ['node: builtins', /from\s+['"]node:|require\(\s*['"]node:/],
  ['path/os/child_process', /from\s+['"](path|os|child_process|http|https|net|worker_threads)['"]/],
  ['process.', /\bprocess\s*\.\s*(env|argv|cwd|exit|stdout|stderr)\b/],
  ['__dirname', /\b__dirname\b|\b__filename\b/],
];

describe('core/ uses no host APIs (DESIGN.md property 3)', () => {
  const files = tsFiles(path.join(root, 'core'));
  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(files.some((f) => f.endsWith(path.join('core', 'catalogue', 'call.ts')))).toBe(true);
  });
  it('the detector works (it flags a planted host call, and ignores one in a comment)', () => {
    const bad = "import { readFileSync } from 'node:fs';\nconst r = Excel.run(() => 1); document.title;";
    const hits = FORBIDDEN.filter(([, re]) => re.test(stripComments(bad))).map(([n]) => n);
    expect(hits).toEqual(expect.arrayContaining(['Excel.*', 'document.', 'fs import']));
    expect(FORBIDDEN.some(([, re]) => re.test(stripComments('// Excel.run(…) is the host\n/* document.x */ const a = 1;')))).toBe(false);
  });
  for (const [name, re] of FORBIDDEN) {
    it(`no ${name}`, () => {
      const hits = files.filter((f) => re.test(stripComments(readFileSync(f, 'utf8')))).map((f) => path.relative(root, f));
      expect(hits).toEqual([]);
    });
  }
});
