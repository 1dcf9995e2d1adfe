// Vitest lives in tests/ so the top level stays as the user set it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Generous timeouts: they only matter when something hangs, and a loaded 2-core machine runs a
    // child-process test 10x slower than CI does.
    // Child-process and server tests share 2 cores: keep the pool small and predictable.
    pool: 'forks',
    maxWorkers: 2,
    env: { LOG_LEVEL: 'error' },
  },
});
