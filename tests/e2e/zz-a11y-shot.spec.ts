import { expect, test } from '@playwright/test'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse } from '../../shared/course/commands'
import { newCourseId } from '../../shared/course/ids'
import { formatInvite } from '../../shared/protocol/invite'
import { connectClient, destroyClients, killRelays, startRelay, tokenFor } from '../integration/relay-harness'

test('shot', async ({ browser, baseURL }) => {
  const relay = await startRelay()
  const courseId = newCourseId()
  const seeder = connectClient(relay.url, courseId, await tokenFor(courseId, 'author', { user: 'seeder' }))
  await seeder.synced()
  createCourse(seeder.doc, { id: courseId, title: 'Soil erosion and water management for small farms' })
  addLesson(seeder.doc, { sectionId: addSection(seeder.doc, { title: 'Basics' }), title: 'Erosion' })
  void Y
  const pages = []
  for (const user of ['ada', 'bob']) {
    const page = await (await browser.newContext()).newPage()
    await page.goto(formatInvite({ relay: relay.url.replace(/\/+$/, ''), courseId, token: await tokenFor(courseId, 'author', { user }) }, baseURL ?? ''))
    await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
    pages.push(page)
  }
  const page = pages[0]!
  await expect(page.getByRole('list', { name: 'People online' }).getByRole('listitem')).toHaveCount(2)
  for (const width of [900, 1000, 1200, 1600, 1920]) {
    await page.setViewportSize({ width, height: 700 })
    await page.screenshot({ path: `/tmp/a11y-shots/shared-${width}.png`, clip: { x: 0, y: 0, width, height: 160 } })
  }
  destroyClients()
  await killRelays()
})
