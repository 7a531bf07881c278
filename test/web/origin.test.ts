/**
 * `npm run build -- --origin …` builds the site for another origin: a second build (into a temporary
 * folder, so the tests reading dist/ in parallel are not disturbed) must leave no localhost URL in
 * the manifest or anywhere in the site, point every manifest URL at the new origin (add-in files
 * under /excel/, SupportUrl and LearnMoreUrl at the help page), and carry the provider setting.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ORIGIN = 'https://example.com/ae';
const PROVIDER = 'Example Trading Co. & Sons';
let out: string;
let build: ReturnType<typeof spawnSync>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'ae-origin-'));
  build = spawnSync(process.execPath, ['scripts/build.mjs', '--origin', `${ORIGIN}/`, '--provider', PROVIDER, '--out', out], { encoding: 'utf8', timeout: 480_000 });
}, 500_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build for another origin (--origin, --provider, --out)', () => {
  it('builds the site into the folder', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    for (const f of ['index.html', 'support.html', 'web/index.html', 'web/app.js', 'excel/manifest.xml', 'excel/taskpane.html', 'excel/index.html', 'sheets/index.html', 'sheets/Sidebar.html']) {
      expect(statSync(path.join(out, f)).isFile(), f).toBe(true);
    }
  });

  it('no localhost URL remains in the manifest or anywhere in the site', () => {
    const hits = files(out)
      .filter((f) => /\.(html|xml|json|js|txt|css)$/.test(f))
      .filter((f) => /localhost|127\.0\.0\.1/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(out, f));
    expect(hits).toEqual([]);
  });

  it('every manifest URL is on the new origin; AppDomain is the bare origin; support and learn-more go to the help page', () => {
    const xml = readFileSync(path.join(out, 'excel/manifest.xml'), 'utf8');
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(`${ORIGIN}/`), u).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml).OfficeApp;
    expect(doc.AppDomains.AppDomain).toBe('https://example.com');
    expect(doc.ProviderName).toBe(PROVIDER);
    expect(doc.SupportUrl['@_DefaultValue']).toBe(`${ORIGIN}/support.html`);
    expect(doc.DefaultSettings.SourceLocation['@_DefaultValue']).toBe(`${ORIGIN}/excel/taskpane.html`);
    expect(xml).toContain(`<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${ORIGIN}/support.html"/>`);
    expect(xml).toContain(`DefaultValue="${ORIGIN}/excel/functions.json"`);
  });

  it('the "Use in Excel" page gives the manifest URL for the admin center on the new origin; the help page names the provider', () => {
    expect(readFileSync(path.join(out, 'excel/index.html'), 'utf8')).toContain(`${ORIGIN}/excel/manifest.xml`);
    expect(readFileSync(path.join(out, 'support.html'), 'utf8')).toContain('Example Trading Co. &amp; Sons');
  });

  it('rejects an origin that is not an https URL, with one clear line', () => {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--origin', 'http://example.com'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--origin must be https/);
    const r2 = spawnSync(process.execPath, ['scripts/build.mjs', '--origin', 'example.com/ae'], { encoding: 'utf8' });
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/absolute https URL/);
  });
});
