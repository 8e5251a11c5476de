/**
 * The relay dies mid-editing (SIGKILL: nothing flushed) and comes back on the same data directory and port. Open
 * courses notice (Offline), keep every keystroke locally, reconnect by themselves (Synced) and hand the relay what it
 * missed; a third author who joins afterwards sees everything.
 */
import { expect } from '@playwright/test'
import { test } from './support/test'
import { startRelay, type RelayProcess } from '../integration/relay-harness'
import { lessonBody, openLesson } from './support/chorus'
import { restartRelay, stopRelaysAndClients } from './support/relay-lifecycle'
import {
  connection,
  expectSynced,
  joinAs,
  occurrences,
  seedCourse,
  typeAtEnd,
  type SeededCourse,
} from './support/shared-course'

let relay: RelayProcess
let course: SeededCourse

test.beforeAll(async () => {
  relay = await startRelay()
  course = await seedCourse(relay, 'Restart course', { Basics: ['Erosion'] })
})

test.afterAll(stopRelaysAndClients)

test('clients ride out a SIGKILLed relay and a newcomer sees everything afterwards', async ({
  browser,
  baseURL,
}) => {
  // Three joins, a relay process killed and started again, and reconnect back-off: more than the default minute
  // on a busy machine.
  test.setTimeout(120_000)
  const join = (user: string) => joinAs(browser, { relay, ...course, user, baseURL })
  const ann = await join('ann')
  const ben = await join('ben')
  for (const page of [ann, ben]) await openLesson(page, 'Erosion')

  const before = ['Before', 'the', 'crash.']
  const during = ['Typed', 'while', 'down.']
  const after = ['Back', 'again.']
  await typeAtEnd(lessonBody(ann), before.join(' '))
  // Ben is typing while the relay is killed.
  const typing = typeAtEnd(lessonBody(ben), ' Ben keeps typing through it.')
  await relay.kill()
  await typing
  for (const page of [ann, ben]) await expect(connection(page)).toHaveText(/^(Offline|Connecting…)/)
  await expect(connection(ann)).toHaveText(/^Offline/)

  await typeAtEnd(lessonBody(ann), ` ${during.join(' ')}`)
  await expect(connection(ann)).toHaveText(/changes? not yet on the relay$/)

  relay = await restartRelay(relay)
  for (const page of [ann, ben]) await expectSynced(page, 30_000)
  await typeAtEnd(lessonBody(ben), ` ${after.join(' ')}`)

  const words = [...before, ...during, 'Ben', 'keeps', 'typing', 'through', 'it.', ...after]
  const carl = await join('carl')
  await openLesson(carl, 'Erosion')
  for (const page of [ann, ben, carl]) {
    await expect(lessonBody(page)).toContainText(after.join(' '))
    const text = (await lessonBody(page).textContent()) ?? ''
    for (const word of words) expect(occurrences(text, word), `"${word}" in "${text}"`).toBe(1)
  }
  const annText = await lessonBody(ann).textContent()
  expect(await lessonBody(ben).textContent()).toBe(annText)
  expect(await lessonBody(carl).textContent()).toBe(annText)
  for (const page of [ann, ben, carl]) await expectSynced(page)
})
