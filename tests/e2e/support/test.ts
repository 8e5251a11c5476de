/**
 * Playwright's `test`, closing after each test every browser context the test opened itself (`browser.newContext()`
 * for a second or third person). Playwright closes only the contexts of its own fixtures; a context left open keeps
 * its pages running — presence heartbeats, reconnecting to a relay that is gone — so each spec slowed every later one.
 */
import { test as base } from '@playwright/test'

export const test = base.extend<{ closeOwnContexts: undefined }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts())
      await use(undefined)
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !before.has(context))
          .map((context) => context.close()),
      )
    },
    { auto: true },
  ],
})
