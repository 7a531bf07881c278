/**
 * The site's pages (web/site.mjs) switch language one way: every text is in both languages as
 * <span data-lang="en|zh"> and <html lang> shows one; no page carries data-en / data-zh texts that a
 * script has to copy in.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain .mjs module without type declarations
import { appPage, excelPage, sheetsPage, supportPage } from '../../web/site.mjs';

const pages: Record<string, string> = {
  app: appPage('', 'web/app.js'),
  excel: excelPage('https://example.com'),
  sheets: sheetsPage(),
  support: supportPage('Example Ltd', '1.0.0'),
};

describe('site pages: one way to switch language', () => {
  for (const [name, html] of Object.entries(pages)) {
    it(`${name}: texts as en / zh spans only`, () => {
      expect(html).not.toMatch(/data-(en|zh)=/);
      const en = html.match(/<span data-lang="en">/g)?.length ?? 0;
      const zh = html.match(/<span data-lang="zh">/g)?.length ?? 0;
      expect(en).toBeGreaterThan(3);
      expect(zh).toBe(en);
      expect(html).toContain('html[lang^=zh] [data-lang=en]');
    });
  }

  it("the app page's heading and introduction are in both languages", () => {
    expect(pages.app).toContain('<h1><span data-lang="en">Audit an AliExpress orders export</span><span data-lang="zh">审核速卖通订单导出表</span></h1>');
    expect(pages.app).toContain('<span data-lang="en">Open your export (.xlsx, .xls or .csv, English or Chinese headers)');
    expect(pages.app).toContain('<span data-lang="zh">打开导出文件（.xlsx、.xls 或 .csv，中英文表头均可）');
  });
});
