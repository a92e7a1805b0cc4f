// Test timeouts sized for a shared 2-core machine: the corpus-backed tests run the whole
// pipeline in their setup, which takes a few seconds alone and several times that under load.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
