import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests sit beside the code in lib/ and components/, plus tests/unit for cross-module suites.
// happy-dom gives DOMParser and Range; fake-indexeddb (imported in the setup file) gives IndexedDB.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: [
      'lib/**/*.test.ts',
      'lib/**/*.test.tsx',
      'components/**/*.test.tsx',
      'tests/unit/**/*.test.ts',
      'tests/property/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tests/eval/**/*.test.ts',
    ],
    setupFiles: ['tests/setup/unit.ts'],
    // Several suites run the whole evaluation or a bundler; on a loaded 2-core machine that passes 5 s.
    testTimeout: 30_000,
  },
});
