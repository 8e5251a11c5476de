/** An image in the open lesson: adding one as an author does, and telling whether its bytes arrived. */
import type { Page } from '@playwright/test'

/** Adds a PNG through the Insert group's Image button and the file chooser it opens. */
export async function insertImage(page: Page, png: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page
    .getByRole('group', { name: 'Insert' })
    .getByRole('button', { name: 'Image', exact: true })
    .click()
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png })
}

/** The width the browser decoded the lesson's image at: 0 until its bytes are here and valid. */
export const decodedWidth = (page: Page): Promise<number> =>
  page
    .getByRole('group', { name: 'Image', exact: true })
    .locator('img')
    .first()
    .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))
    .catch(() => 0)
