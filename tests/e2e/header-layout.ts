/**
 * Whether the course header lays out without hiding anything: the title input is wholly on screen and shows its
 * whole title, and no control or status covers another or leaves the header.
 */
import { expect, type Page } from '@playwright/test'

interface Box {
  readonly name: string
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

const overlaps = (a: Box, b: Box): boolean =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5

export async function expectHeaderLaidOut(page: Page): Promise<void> {
  const title = page.getByRole('textbox', { name: 'Course title' })
  await expect(title).toBeInViewport({ ratio: 1 })
  const layout = await page.locator('header.course-header').evaluate((header) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect()
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName
      return { name, left: r.left, top: r.top, right: r.right, bottom: r.bottom }
    }
    const input = header.querySelector('input')
    return {
      header: box(header),
      viewport: document.documentElement.clientWidth,
      titleCut: input === null ? true : input.scrollWidth > input.clientWidth,
      controls: [...header.querySelectorAll('a, input, button, [role="status"], li')]
        .filter((el) => el.getClientRects().length > 0)
        .map(box),
    }
  })
  expect(layout.titleCut, 'the title input shows the whole title').toBe(false)
  expect(layout.controls.length).toBeGreaterThan(4)
  for (const [i, a] of layout.controls.entries()) {
    expect(a.left, `${a.name} starts inside the header`).toBeGreaterThanOrEqual(layout.header.left)
    expect(a.right, `${a.name} ends inside the window`).toBeLessThanOrEqual(layout.viewport)
    expect(a.bottom, `${a.name} ends inside the header`).toBeLessThanOrEqual(layout.header.bottom)
    for (const b of layout.controls.slice(i + 1))
      expect(overlaps(a, b), `${a.name} and ${b.name} do not overlap`).toBe(false)
  }
}
