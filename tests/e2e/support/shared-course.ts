/**
 * A shared course for sync e2e tests: seeded on a real relay by a plain y-websocket client, joined in the browser
 * through invite links, one browser context per person.
 */
import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import type { CourseId } from '../../../shared/course/types'
import { formatInvite } from '../../../shared/protocol/invite'
import type { Role } from '../../../shared/protocol/token'
import { tokenFor, type RelayProcess } from '../../integration/relay-harness'

export const connection = (page: Page): Locator => page.getByRole('status', { name: 'Connection' })

/** Connected and every local change acknowledged by the relay. */
export async function expectSynced(page: Page, timeout?: number): Promise<void> {
  await expect(connection(page)).toHaveAttribute('data-unacknowledged', '0', { timeout })
  await expect(connection(page)).toHaveText('Synced', { timeout })
}

export const relayAddress = (relay: RelayProcess): string => relay.url.replace(/\/+$/, '')

/** Opens the course's invite link in a new context and waits until the course came from the relay. */
export async function joinAs(
  browser: Browser,
  options: {
    relay: RelayProcess
    courseId: CourseId
    user: string
    role?: Role
    title: string
    baseURL: string
  },
): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  const token = await tokenFor(options.courseId, options.role ?? 'author', { user: options.user })
  await page.goto(
    formatInvite({ relay: relayAddress(options.relay), courseId: options.courseId, token }, options.baseURL),
  )
  await expect(page.getByRole('textbox', { name: 'Course title' })).toHaveValue(options.title)
  await expect(connection(page)).toHaveText('Synced')
  return page
}

/** Puts the caret at the very end of the lesson and types there. */
export async function typeAtEnd(body: Locator, text: string): Promise<void> {
  await body.click()
  await body.press('ControlOrMeta+End')
  await body.pressSequentially(text, { delay: 10 })
}

/** How many times `word` occurs in `text`. */
export const occurrences = (text: string, word: string): number => text.split(word).length - 1
