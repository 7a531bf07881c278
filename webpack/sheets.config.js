// Google Sheets add-on: builds the whole clasp-pushable project into dist/sheets/:
//   aerules.js       the server library (`var AERules`): rules core + custom-function adapter + sidebar
//                    server functions. The audit engine and the pane are NOT in it (small cold starts).
//   functions.js     GENERATED top-level custom functions with JSDoc (@customfunction, params), from the
//                    catalogue of the library just built — so the Sheets functions cannot drift.
//   addon.js         top-level menu triggers and google.script.run entry points (addin-sheets/gas/).
//   Sidebar.html     the audit sidebar: the shared pane + the Sheets host, everything inlined in ONE file.
//   appsscript.json  V8, minimal scopes.
// clasp pushes files in .clasp.json's filePushOrder (aerules.js first), then by name.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import webpack from 'webpack';
import { r, d, tsRule, tsRulePure, resolve } from './common.js';
import { createRequire } from 'node:module';
import { generateFunctionsJs } from '../addin-sheets/build/wrappers.js';
import { stripHelpTransformer } from './strip-help.js';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const META_DIR = d('.sheets-meta');

const { Compilation, sources } = webpack;
const OUT = d('sheets');

/** Plain JavaScript as it is but without its comments (they are for developers; Sheets loads every byte). */
function withoutComments(code, from) {
  const file = ts.createSourceFile(from, code, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
  return `// AE Seller Rules (${from}, comments removed)\n${ts.createPrinter({ removeComments: true }).printFile(file)}`;
}

/** Emit functions.js (from the built library's catalogue), addon.js and appsscript.json. */
class SheetsProjectPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SheetsProjectPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'SheetsProjectPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const lib = compilation.getAsset('aerules.js');
        if (!lib) return;
        let meta;
        try {
          // The built library's catalogue (names and arguments: what the wrappers call) …
          const ctx = vm.createContext({});
          vm.runInContext(`${lib.source.source()}\n;this.__meta = JSON.stringify(AERules.catalogueMeta());`, ctx, { filename: 'aerules.js' });
          const built = JSON.parse(ctx.__meta);
          // … and the same catalogue with its help text (aerules.js is built without it).
          const file = require.resolve(`${META_DIR}/meta.cjs`);
          delete require.cache[file];
          meta = require(file).catalogueMeta();
          const shape = (m) => JSON.stringify(m.map((f) => [f.name, f.nameZh, f.result, f.args.map((a) => [a.name, a.nameZh, a.kind, a.optional, a.choices ?? null])]));
          if (shape(meta) !== shape(built)) throw new Error('the catalogue of aerules.js differs from the sheets-meta bundle');
        } catch (err) {
          compilation.errors.push(new webpack.WebpackError(`sheets: could not load the built aerules.js to read the catalogue: ${err.stack ?? err}`));
          return;
        }
        compilation.emitAsset('functions.js', new sources.RawSource(generateFunctionsJs(meta)), { minimized: true });
        compilation.emitAsset('addon.js', new sources.RawSource(withoutComments(readFileSync(r('addin-sheets/gas/addon.js'), 'utf8'), 'addin-sheets/gas/addon.js')), { minimized: true });
        compilation.emitAsset('appsscript.json', new sources.RawSource(readFileSync(r('addin-sheets/gas/appsscript.json'), 'utf8')));
        for (const f of ['addin-sheets/gas/addon.js', 'addin-sheets/gas/appsscript.json', 'addin-sheets/build/wrappers.js']) compilation.fileDependencies.add(r(f));
      });
    });
  }
}

/** Inline the sidebar bundle into Sidebar.html (HtmlService serves one file; no external JS/CSS). */
class InlineSidebarPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineSidebarPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'InlineSidebarPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const js = compilation.getAsset('sidebar.js');
        if (!js) return;
        const template = readFileSync(r('addin-sheets/client/sidebar.html'), 'utf8');
        // A literal "</script" (or "<!--") inside the code would end the inline script early.
        const code = String(js.source.source()).replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
        if (!template.includes('<!-- INLINE:sidebar.js -->')) throw new Error('sidebar.html lacks <!-- INLINE:sidebar.js -->');
        const html = template.replace('<!-- INLINE:sidebar.js -->', () => `<script>\n${code}\n</script>`);
        compilation.deleteAsset('sidebar.js');
        compilation.emitAsset('Sidebar.html', new sources.RawSource(html), { minimized: true });
        compilation.fileDependencies.add(r('addin-sheets/client/sidebar.html'));
      });
    });
  }
}

export default (env, argv) => {
  const mode = argv.mode ?? 'production';
  const stripped = {
    ...tsRulePure,
    use: { ...tsRulePure.use, options: { ...tsRulePure.use.options, getCustomTransformers: () => ({ before: [stripHelpTransformer()] }) } },
  };
  return [
    {
      name: 'sheets-meta',
      mode,
      target: 'node20',
      devtool: false,
      entry: { meta: r('addin-sheets/build/meta-entry.ts') },
      output: { path: META_DIR, filename: '[name].cjs', library: { type: 'commonjs2' }, clean: true },
      resolve,
      module: { rules: [tsRule] },
      optimization: { minimize: false },
      performance: { hints: false },
    },
    {
      name: 'sheets-server',
      dependencies: ['sheets-meta'],
      mode,
      target: ['web', 'es2019'],
      devtool: false,
      entry: { aerules: r('addin-sheets/server/index.ts') },
      output: { path: OUT, filename: '[name].js', library: { name: 'AERules', type: 'var' }, clean: true },
      // The library without what it never uses: the numeric columns of the country-code table (the
      // country data as compact text: webpack/shims/iso-countries-loader.cjs), and zod:
      // a user's rate card is validated by webpack/shims/zod-mini.js, the same schema
      // (test/sheets/zod-mini.test.ts: the same issues as zod on thousands of cards).
      resolve: { ...resolve, alias: { 'zod/mini$': r('webpack/shims/zod-mini.js') } },
      module: {
        rules: [stripped, { test: /i18n-iso-countries[\\/](?:codes|langs[\\/](?:en|zh))\.json$/, type: 'javascript/auto', use: r('webpack/shims/iso-countries-loader.cjs') }],
      },
      // Fully mangled (issue 12: the script Sheets loads for every formula cell stays small; errors
      // users see carry their own bilingual message, never a function name).
      optimization: { minimize: mode === 'production', minimizeOptions: { javascript: { ecma: 2019, compress: { passes: 2 }, format: { comments: false } } } },
      performance: { hints: false },
      // TRACK_VALID's verdict by the pattern checks, without the offset fast path (core/tracking/index.ts).
      plugins: [new webpack.DefinePlugin({ AE_VERDICT_BY_PATTERN: 'true' }), new SheetsProjectPlugin()],
    },
    {
      name: 'sheets-sidebar',
      dependencies: ['sheets-server'],
      mode,
      target: ['web', 'es2019'],
      devtool: false,
      entry: { sidebar: r('addin-sheets/client/sidebar.ts') },
      output: { path: OUT, filename: '[name].js', clean: false },
      resolve,
      module: { rules: [tsRule] },
      optimization: { minimize: mode === 'production', minimizeOptions: { javascript: { ecma: 2019, compress: { passes: 2 }, format: { comments: false } } } },
      performance: { hints: false },
      plugins: [new InlineSidebarPlugin()],
    },
  ];
};
