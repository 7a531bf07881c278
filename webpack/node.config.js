// The package's main entry for Node: dist/node/core.cjs (typed core API + sheetFunctions),
// wrapped by dist/node/index.cjs (written by scripts/postbuild.mjs) which adds SG_FEE, PENALTY, …
import { r, tsRule, resolve } from './common.js';

export default (env, argv) => ({
  name: 'node',
  mode: argv.mode ?? 'production',
  target: 'node20',
  devtool: false,
  entry: { core: r('core/node.ts') },
  output: { path: r('dist/node'), filename: '[name].cjs', library: { type: 'commonjs2' }, clean: false },
  resolve,
  module: { rules: [tsRule] },
  optimization: { minimize: false },
  performance: { hints: false },
});
