import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two at a time even on two cores: most files wait on fsync (synchronous=FULL), so a second
    // fork nearly halves the suite (measured 330 s -> 188 s on the CI machines' 2 cores).
    maxWorkers: 2,
  },
});
