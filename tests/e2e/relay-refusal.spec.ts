/**
 * A relay that ends a connection for good says why in the app: an author whose access the operator revokes (with
 * the real `npm run relay -- revoke` command) sees "Not syncing" and what to do, and keeps working on the device.
 */
import { expect } from '@playwright/test'
import { test } from './support/test'
import { runCli, SECRET, startRelay, type RelayProcess } from '../integration/relay-harness'
import { addLesson } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { connection, joinAs, seedCourse, type SeededCourse } from './support/shared-course'

let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Revocable course', { Basics: ['Erosion'] })
})

test.afterAll(stopRelaysAndClients)

test('an author whose access is revoked is told so and keeps working locally', async ({
  browser,
  baseURL,
}) => {
  const page = await joinAs(browser, { relay, ...course, user: 'rita-1', displayName: 'Rita', baseURL })

  const revoked = await runCli(['revoke', '--data', relay.dataDir, '--sub', 'rita-1'], {
    CHORUS_RELAY_SECRET: SECRET,
  })
  expect(revoked.code, revoked.stderr).toBe(0)

  // The relay closes revoked connections within 30 s (it polls every few seconds).
  await expect(connection(page)).toContainText('Not syncing', { timeout: 35_000 })
  await expect(connection(page)).toContainText('Your access was revoked')
  await expect(connection(page)).toHaveAttribute('data-status', 'refused')

  // Work goes on on this device, and the app does not hammer the relay with retries.
  await addLesson(page, 'Basics', 'Written after revocation')
  await page.waitForTimeout(3_000)
  expect(relay.logs.filter((line) => line.event === 'upgrade-refused')).toHaveLength(0)
  await expect(connection(page)).toHaveAttribute('data-status', 'refused')
})
