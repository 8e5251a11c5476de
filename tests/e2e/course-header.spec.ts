/**
 * The course header at the window widths Chorus supports: a long title stays whole and readable, every action
 * stays a visible button (none moves into a menu), and nothing overlaps.
 */
import { expect, test } from '@playwright/test'
import { createCourse } from './support/chorus'
import { expectHeaderLaidOut } from './header-layout'

const TITLE = 'Soil erosion and water management for small farms'
const ACTIONS = ['Course settings…', 'Preview as learner', 'Save a copy…', 'Export…', 'Share…', 'Settings']

test('the course header keeps the title and every action visible from 900 to 1920 pixels wide', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 800 })
  await page.goto('/')
  await createCourse(page, TITLE)
  for (const width of [1000, 900, 1200, 1600, 1920]) {
    await page.setViewportSize({ width, height: 800 })
    await expectHeaderLaidOut(page)
    for (const name of ACTIONS) await expect(page.getByRole('button', { name, exact: true })).toBeInViewport()
  }
})
