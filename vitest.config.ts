import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // parse the corpus once into the shared cache before the workers start
    globalSetup: ['test/global-setup.ts'],
  },
});
