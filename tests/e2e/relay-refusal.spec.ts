/**
 * A relay that ends a connection for good says why in the app: an author whose access the operator revokes (with
 * the real `npm run relay -- revoke` command) sees "Not syncing" and what to do, and keeps working on the device;
 * so does someone whose invite the relay refuses at the door, which a browser alone cannot tell from an outage.
 */
import { expect } from '@playwright/test'
import { test } from './support/test'
import { formatInvite } from '../../shared/protocol/invite'
import { runCli, SECRET, startRelay, tokenFor, type RelayProcess } from '../integration/relay-harness'
import { addLesson, confirmJoin } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import {
  connection,
  joinAs,
  relayAddress,
  relayHost,
  seedCourse,
  type SeededCourse,
} from './support/shared-course'

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

test('an invite the relay does not accept is named as such, not shown as an outage, and not retried', async ({
  browser,
  baseURL,
}) => {
  const page = await (await browser.newContext()).newPage()
  // Signed for another relay: well formed, so the app joins with it; this relay refuses it at the upgrade.
  const token = await tokenFor(course.courseId, 'author', {
    user: 'sam-1',
    name: 'Sam',
    secret: 'the-secret-of-some-other-relay-0123456789abcdef',
  })
  await page.goto(
    formatInvite({ relay: relayAddress(relay), courseId: course.courseId, token }, baseURL ?? ''),
  )
  await confirmJoin(page, relayHost(relay))

  await expect(connection(page)).toContainText('Not syncing', { timeout: 20_000 })
  await expect(connection(page)).toContainText('The relay does not accept your invite')
  await expect(connection(page)).toHaveAttribute('data-status', 'refused')

  // Asked once why, then left alone: no more upgrades than before the answer came.
  const refusals = (): number => relay.logs.filter((line) => line.event === 'upgrade-refused').length
  const before = refusals()
  await page.waitForTimeout(3_000)
  expect(refusals()).toBe(before)
})
