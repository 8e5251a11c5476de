import { defineConfig } from '@playwright/test'

const webPort = Number(process.env.CHORUS_WEB_PORT ?? 5183)

export default defineConfig({
  testDir: 'tests/e2e',
  // The e2e specs run the relay bundle too: `npm run test:e2e` on its own builds it when it is missing or stale.
  globalSetup: ['./tests/integration/relay-bundle-setup.ts', './tests/fixtures/scratch-root-setup.ts'],
  // Many specs join a shared course as two or three people (each join asks and syncs) and restart relays.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite build -c vite.web.config.ts --logLevel warn && npx vite preview -c vite.web.config.ts --port ${webPort} --strictPort`,
    url: `http://127.0.0.1:${webPort}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
})
