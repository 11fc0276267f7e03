import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // both cores (vitest's default leaves one idle: cpus − 1); the test files share nothing on disk but
    // the caches, whose entries are written atomically
    maxWorkers: 2,
    // the browser test walks every page of the real site (thousands): room above the 4 GB default
    execArgv: ['--max-old-space-size=8192'],
    // parse the corpus once into the shared cache before the workers start
    globalSetup: ['test/global-setup.ts'],
  },
});
