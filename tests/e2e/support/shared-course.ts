/**
 * A shared course for sync e2e tests: seeded on a real relay by a plain y-websocket client, joined in the browser
 * through invite links, one browser context per person.
 */
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import type * as Y from 'yjs'
import { addLesson, addSection, createCourse } from '../../../shared/course/commands'
import { newCourseId } from '../../../shared/course/ids'
import type { CourseId, LessonId } from '../../../shared/course/types'
import { formatInvite } from '../../../shared/protocol/invite'
import type { Role } from '../../../shared/protocol/token'
import { connectClient, tokenFor, type Client, type RelayProcess } from '../../integration/relay-harness'
import { confirmJoin } from './chorus'
import { storeProfile } from './profile'

export const connection = (page: Page): Locator => page.getByRole('status', { name: 'Connection' })

/** Connected and every local change acknowledged by the relay. */
export async function expectSynced(page: Page, timeout?: number): Promise<void> {
  await expect(connection(page)).toHaveAttribute('data-unacknowledged', '0', { timeout })
  await expect(connection(page)).toHaveText('Synced', { timeout })
}

export const relayAddress = (relay: RelayProcess): string => relay.url.replace(/\/+$/, '')

/** What the join confirmation shows as the relay: `host:port`. */
export const relayHost = (relay: RelayProcess): string => new URL(relay.url).host

export interface SeededCourse {
  readonly courseId: CourseId
  readonly title: string
  /** The first author, a plain y-websocket client: it stays connected, so its doc keeps what others write. */
  readonly seeder: Client
  /** A seeded lesson's id, by its title. */
  lessonId(title: string): LessonId
}

/** Puts a new course on the relay: sections in order, each with its lesson titles in order. */
export async function seedCourse(
  relay: RelayProcess,
  title: string,
  outline: Readonly<Record<string, readonly string[]>>,
): Promise<SeededCourse> {
  const courseId = newCourseId()
  const seeder = connectClient(relay.url, courseId, await tokenFor(courseId, 'author', { user: 'seeder' }))
  await seeder.synced()
  createCourse(seeder.doc, { id: courseId, title })
  const lessons = new Map<string, LessonId>()
  for (const [section, titles] of Object.entries(outline)) {
    const sectionId = addSection(seeder.doc, { title: section })
    for (const lesson of titles) lessons.set(lesson, addLesson(seeder.doc, { sectionId, title: lesson }))
  }
  const lessonId = (lesson: string): LessonId => {
    const id = lessons.get(lesson)
    if (id === undefined) throw new Error(`no lesson “${lesson}” was seeded`)
    return id
  }
  return { courseId, title, seeder, lessonId }
}

/** The course as the relay holds it, received by a fresh author client. */
export async function relayCopy(relay: RelayProcess, courseId: CourseId): Promise<Y.Doc> {
  const reader = connectClient(relay.url, courseId, await tokenFor(courseId, 'author', { user: 'auditor' }))
  await reader.synced()
  return reader.doc
}

export interface JoinOptions {
  readonly relay: RelayProcess
  readonly courseId: CourseId
  readonly title: string
  readonly user: string
  readonly role?: Role
  /** Written to the app's settings before joining, as if chosen in Settings. */
  readonly displayName?: string
  readonly colour?: string
  readonly baseURL: string | undefined
}

/** Opens the course's invite link in a new context, confirms the join and waits until the course came from the relay. */
export async function joinAs(browser: Browser, options: JoinOptions): Promise<Page> {
  return joinIn(await browser.newContext(), options)
}

/** {@link joinAs} in a context the test prepared (routes, say). */
export async function joinIn(context: BrowserContext, options: JoinOptions): Promise<Page> {
  const page = await context.newPage()
  const baseURL = options.baseURL ?? ''
  if (options.displayName !== undefined)
    await storeProfile(page, baseURL, { displayName: options.displayName, colour: options.colour })
  // The invite carries the person's name, as an admin mints it: the relay shows co-authors that name.
  const token = await tokenFor(options.courseId, options.role ?? 'author', {
    user: options.user,
    name: options.displayName ?? options.user,
  })
  await page.goto(
    formatInvite({ relay: relayAddress(options.relay), courseId: options.courseId, token }, baseURL),
  )
  await confirmJoin(page, relayHost(options.relay))
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
