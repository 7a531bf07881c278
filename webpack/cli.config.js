// The command line: dist/cli/ae-rules.cjs (the package's `bin`), a single Node bundle of the core and
// cli/; its runtime dependencies (exceljs, commander, cli-progress) stay external.
import { chmodSync, readFileSync } from 'node:fs';
import webpack from 'webpack';
import { r, tsRule, resolve } from './common.js';

const pkg = JSON.parse(readFileSync(r('package.json'), 'utf8'));

class MakeExecutable {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('MakeExecutable', () => {
      try {
        chmodSync(r('dist/cli/ae-rules.cjs'), 0o755);
      } catch {
        /* not emitted (watch / failed build) */
      }
    });
  }
}

export default (env, argv) => ({
  name: 'cli',
  mode: argv.mode ?? 'production',
  target: 'node20',
  devtool: false,
  entry: { 'ae-rules': r('cli/ae-rules.ts') },
  output: { path: r('dist/cli'), filename: '[name].cjs', library: { type: 'commonjs2' }, clean: false },
  resolve,
  module: { rules: [tsRule] },
  externals: { exceljs: 'commonjs exceljs', commander: 'commonjs commander', 'cli-progress': 'commonjs cli-progress' },
  externalsPresets: { node: true },
  plugins: [
    new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true }),
    new webpack.DefinePlugin({ __VERSION__: JSON.stringify(pkg.version) }),
    new MakeExecutable(),
  ],
  optimization: { minimize: false },
  performance: { hints: false },
});
