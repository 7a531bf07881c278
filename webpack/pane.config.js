// The audit pane's local demo: ONE self-contained HTML file (dist/pane-demo/index.html) with the JS
// bundle inlined, the same shape HtmlService needs for the Sheets sidebar. The pane over the
// in-memory host with seeded sample orders; open it straight from disk (file://).
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { r, d, tsRule, resolve } from './common.js';

/**
 * Inline every emitted script into the HTML and drop the separate .js file. Reusable by any target
 * that must ship a single HTML file (Sheets sidebar): `new InlineScriptsPlugin()` after HtmlWebpackPlugin.
 */
export class InlineScriptsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('InlineScriptsPlugin', (compilation) => {
      const hooks = HtmlWebpackPlugin.getCompilationHooks(compilation);
      const inlined = new Set();
      hooks.alterAssetTagGroups.tap('InlineScriptsPlugin', (data) => {
        const inline = (tag) => {
          if (tag.tagName !== 'script' || !tag.attributes?.src) return tag;
          const file = decodeURIComponent(String(tag.attributes.src).replace(/^\.?\//, '').split('?')[0]);
          const asset = compilation.getAsset(file);
          if (!asset) return tag;
          inlined.add(file);
          // "</script" inside the bundle would end the inline script early.
          const code = asset.source.source().toString().replace(/<\/(script)/gi, '<\\/$1');
          return { tagName: 'script', voidTag: false, meta: tag.meta, attributes: {}, innerHTML: code };
        };
        data.headTags = data.headTags.map(inline);
        data.bodyTags = data.bodyTags.map(inline);
        return data;
      });
      hooks.afterEmit.tap('InlineScriptsPlugin', (data) => {
        for (const f of inlined) compilation.deleteAsset(f);
        return data;
      });
    });
  }
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AE Seller Rules — audit pane demo</title>
<style>
  html,body{margin:0;height:100%;background:#f3f2f1;font:13px "Segoe UI",system-ui,"Microsoft YaHei",sans-serif;color:#242424}
  .layout{display:flex;height:100%}
  .book{flex:1;min-width:0;display:flex;flex-direction:column;border-right:1px solid #d1d1d1}
  #tabs{display:flex;gap:2px;padding:6px 8px 0;background:#e8e8e8;flex-wrap:wrap}
  .tab{border:1px solid #d1d1d1;border-bottom:0;background:#f5f5f5;padding:4px 10px;border-radius:4px 4px 0 0;font:inherit;cursor:pointer}
  .tab[aria-pressed=true]{background:#fff;font-weight:600}
  .tab.output{color:#0f6cbd}.tab.rateCard{color:#0e700e}
  #grid{flex:1;overflow:auto;background:#fff}
  #grid table{border-collapse:collapse;font-size:12px}
  #grid td,#grid th{border:1px solid #e6e6e6;padding:2px 6px;white-space:nowrap;max-width:280px;overflow:hidden;text-overflow:ellipsis;text-align:left}
  #grid th{background:#f5f5f5;font-weight:600;color:#424242}
  #grid tr.bad td{background:#fde7e9}
  .chart{margin:8px;color:#0f6cbd;font-weight:600}
  .side{width:320px;flex:none;background:#fff;overflow:auto}
  @media (max-width:700px){.book{display:none}.side{width:100%}}
</style>
</head>
<body>
<div class="layout">
  <main class="book" aria-label="Workbook"><nav id="tabs" aria-label="Sheets"></nav><div id="grid"></div></main>
  <aside class="side" id="app" aria-label="Audit pane"></aside>
</div>
</body>
</html>`;

export default (env, argv) => ({
  name: 'pane',
  mode: argv.mode ?? 'production',
  target: 'web',
  devtool: false,
  entry: { pane: r('pane/demo/demo.ts') },
  output: { path: d('pane-demo'), filename: '[name].js', publicPath: '', clean: true },
  resolve,
  module: { rules: [tsRule] },
  plugins: [
    new HtmlWebpackPlugin({ templateContent: PAGE, filename: 'index.html', inject: 'body', scriptLoading: 'blocking', minify: false }),
    new InlineScriptsPlugin(),
  ],
  performance: { hints: false },
});
