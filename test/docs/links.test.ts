/**
 * README.md and docs/*.md: every relative link resolves to a file (and a heading, for #anchors) inside
 * the repository; no link leaves it (no ../ out of the repo, no absolute file paths). The README stays
 * a short bilingual opening for sellers; the reference lives in docs/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve('.');
const DOCS = [path.join(ROOT, 'README.md'), ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'docs', f))];

/** Markdown links [text](target) and <a href="target">, outside code spans and fences. */
export function links(md: string): string[] {
  const text = md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...text.matchAll(/<a\s[^>]*href="([^"]+)"/g), ...text.matchAll(/<((?:https?|mailto):[^>\s]+)>/g)].map((m) => m[1]);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function anchors(md: string): Set<string> {
  const out = new Set<string>();
  for (const m of md.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const slug = m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    let s = slug;
    for (let i = 1; out.has(s); i++) s = `${slug}-${i}`;
    out.add(s);
  }
  return out;
}

describe('documentation links', () => {
  it('finds the docs', () => {
    expect(DOCS.map((f) => path.relative(ROOT, f))).toEqual(expect.arrayContaining(['README.md', 'docs/DEPLOY.md', 'docs/PUBLISHING.md', 'docs/FUNCTIONS.md']));
  });

  for (const file of DOCS) {
    it(`${path.relative(ROOT, file)}: every relative link resolves inside the repository`, () => {
      const md = readFileSync(file, 'utf8');
      const bad: string[] = [];
      for (const target of links(md)) {
        if (/^(https?:|mailto:)/i.test(target)) {
          bad.push(`${target}: links outside the repository`);
          continue;
        }
        const [p, hash] = target.split('#', 2);
        const dest = p ? path.resolve(path.dirname(file), decodeURIComponent(p)) : file;
        if (!dest.startsWith(ROOT + path.sep) && dest !== ROOT) bad.push(`${target}: leaves the repository`);
        else if (/node_modules|[\\/]dist[\\/]/.test(path.relative(ROOT, dest))) bad.push(`${target}: points at a generated or installed file a clone does not have`);
        else if (!existsSync(dest)) bad.push(`${target}: no such file`);
        else if (hash && statSync(dest).isFile() && dest.endsWith('.md') && !anchors(readFileSync(dest, 'utf8')).has(decodeURIComponent(hash))) bad.push(`${target}: no heading #${hash}`);
      }
      expect(bad).toEqual([]);
    });
  }

  it('the README opens in English and Chinese with the quick start, and stays short', () => {
    const md = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const lines = md.split('\n');
    expect(lines.length).toBeLessThanOrEqual(150);
    const head = lines.slice(0, 12).join('\n');
    expect(head).toMatch(/Small Gifts/);
    expect(head).toMatch(/小礼物/);
    const quick = md.indexOf('## Quick start');
    expect(quick).toBeGreaterThan(0);
    for (const cmd of ['npm install', 'npm start', 'npm test']) expect(md.slice(quick)).toContain(cmd);
    for (const way of ['browser', 'Excel', 'Google Sheets', 'Command line']) expect(md.slice(0, quick)).toContain(way);
  });

  it('a link checker that cannot fail is no checker: broken, escaping and external links are caught', () => {
    expect(links('see [a](docs/NOPE.md) and `[b](x.md)` and <a href="../../etc/passwd">c</a> <https://example.com>')).toEqual(['docs/NOPE.md', '../../etc/passwd', 'https://example.com']);
    expect(anchors('# Reference · 参考文档\n## Quick start · 快速开始')).toEqual(new Set(['reference--参考文档', 'quick-start--快速开始']));
  });
});
