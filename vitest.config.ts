import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0'] },
  test: {
    // Builds relay-server/dist/chorus-relay.mjs when stale: the relay integration tests run the bundle.
    globalSetup: ['tests/integration/relay-bundle-setup.ts', 'tests/fixtures/scratch-root-setup.ts'],
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'relay-server/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
