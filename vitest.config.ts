import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Same as the bundles: the browser entry of i18n-iso-countries (core registers only en and zh).
    alias: [{ find: /^i18n-iso-countries$/, replacement: 'i18n-iso-countries/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Finds (or on a fresh Debian machine installs) the browser for the browser tests, once.
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
