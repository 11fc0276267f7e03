import { defineConfig } from 'vitest/config';
import { RealSiteSequencer } from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // both cores (vitest's default leaves one idle: cpus − 1); the test files share on disk only the
    // caches, whose entries are written atomically, and the run folder of the global setup
    maxWorkers: 2,
    // the test files of a worker share its module graph instead of loading src/ again for each file
    // (npm test: 125 s → 95 s wall, 203 s → 150 s CPU). Files that change process.env or a module's
    // state put it back afterwards.
    isolate: false,
    // the browser test walks every page of the real site (thousands): room above the 4 GB default
    execArgv: ['--max-old-space-size=8192'],
    // parse the corpus once into the shared cache before the workers start
    globalSetup: ['test/global-setup.ts'],
    // the real site built in the background; the files that need it last unless it is ready at once (test/sequencer.ts)
    sequence: { sequencer: RealSiteSequencer },
  },
});
