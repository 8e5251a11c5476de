/**
 * The course header at the window widths Chorus supports: a long title stays whole and readable, every action
 * stays a visible button (none moves into a menu), and nothing overlaps. The library's header keeps its buttons on
 * one row at a laptop's width.
 */
import { expect } from '@playwright/test'
import { test } from './support/test'
import { createCourse } from './support/chorus'
import { expectHeaderLaidOut } from './header-layout'

const TITLE = 'Soil erosion and water management for small farms'
const ACTIONS = [
  'Course settings…',
  'Preview as learner',
  'Save a copy…',
  'Export…',
  'History',
  'Feedback',
  'Share…',
  'Settings',
]

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

test('the library header keeps its buttons on one row, each on one line, at 1280 pixels wide', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/')
  const header = page.locator('header.library-header')
  const names = ['Open course file…', 'Import document…', 'Join shared course', 'Settings', 'New course']
  for (const name of names) await expect(header.getByRole('button', { name, exact: true })).toBeVisible()
  const boxes = await Promise.all(
    names.map(async (name) => {
      const box = await header.getByRole('button', { name, exact: true }).boundingBox()
      if (box === null) throw new Error(`${name} has no box`)
      return box
    }),
  )
  const first = boxes[0]
  for (const [i, box] of boxes.entries()) {
    expect(box.y, `${names[i]} is on the first button's row`).toBeCloseTo(first?.y ?? -1, 0)
    // One line of text: a wrapped label would make the button about twice as tall.
    expect(box.height, `${names[i]} is one line high`).toBeLessThan(48)
  }
  // The heading shares that row too, and the notes under it run the full width, with the way to For me.
  const title = await page.getByRole('heading', { name: 'Your courses' }).boundingBox()
  expect((title?.y ?? 0) + (title?.height ?? 0)).toBeGreaterThan(first?.y ?? 0)
  const forMe = await header.getByRole('link', { name: /^For me/ }).boundingBox()
  expect(forMe?.height ?? 99, 'For me is one line high').toBeLessThan(48)
  expect(forMe?.y ?? 0, 'For me is under the buttons').toBeGreaterThanOrEqual(
    (first?.y ?? 0) + (first?.height ?? 0),
  )
})
