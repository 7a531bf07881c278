// The browser app and the site pages (web/site.mjs has the URL layout):
//   dist/web/app.js + dist/web/index.html   the app: the one audit pane over the browser-file host
//   dist/index.html                          the same app at the site root
//   dist/excel/index.html, dist/sheets/index.html, dist/support.html   "Use in …" pages and help
// Built after the Excel and Sheets targets (they clean their folders), for the site's origin
// (AE_ORIGIN / npm run build -- --origin …).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpack from 'webpack';
import { r, d, tsRule, resolve, siteOrigin, providerName } from './common.js';
import { appPage, excelPage, sheetsPage, supportPage } from '../web/site.mjs';

const pkg = JSON.parse(readFileSync(r('package.json'), 'utf8'));

class SitePagesPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SitePagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'SitePagesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset('index.html', new sources.RawSource(appPage('../', 'app.js')));
      });
    });
    compiler.hooks.afterEmit.tap('SitePagesPlugin', () => {
      const origin = siteOrigin();
      const pages = {
        'index.html': appPage('', 'web/app.js'),
        'excel/index.html': excelPage(origin),
        'sheets/index.html': sheetsPage(),
        'support.html': supportPage(providerName(), pkg.version),
        // What the site was built for: npm start serves it under the origin it actually has.
        'site.json': `${JSON.stringify({ origin, provider: providerName(), version: pkg.version }, null, 2)}\n`,
      };
      for (const [file, html] of Object.entries(pages)) {
        const out = d(file);
        mkdirSync(path.dirname(out), { recursive: true });
        writeFileSync(out, html);
      }
    });
  }
}

export default (env = {}, argv = {}) => {
  const only = env.only ? String(env.only).split(',') : undefined;
  const dependencies = [...(!only || only.includes('excel') ? ['excel'] : []), ...(!only || only.includes('sheets') ? ['sheets-sidebar'] : [])];
  return {
    name: 'web',
    dependencies,
    mode: argv.mode ?? 'production',
    target: ['web', 'es2020'],
    devtool: false,
    entry: { app: r('web/app.ts') },
    output: { path: d('web'), filename: '[name].js', publicPath: '', clean: true },
    resolve,
    module: { rules: [tsRule] },
    plugins: [new webpack.DefinePlugin({ __VERSION__: JSON.stringify(pkg.version) }), new SitePagesPlugin()],
    performance: { hints: false },
  };
};
