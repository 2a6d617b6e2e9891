import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium and Firefox, one file at a time:
// both browsers share the fixture server's port and a 2-core machine.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
