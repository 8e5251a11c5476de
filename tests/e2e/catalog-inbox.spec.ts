/**
 * The team catalog and For me through a real relay process (issue 12). A member declared a need and a second member
 * voted for it; an expert answered it with a course (all three written into the team space by plain y-websocket
 * clients, each with its own team token, as their apps would). In the browser: the expert finds the course in the
 * catalog and asks for review; a lead marks it published; the voter, who saw no draft, now sees it, reads it in
 * the learner view, and finds the published answer to the need in For me: unread until opened, then read, with the
 * mark in the team space (so on every device of theirs). And a thread a reviewer starts on a course shared one
 * invite at a time reaches its author's For me, read on the device once opened.
 */
import { expect, type Browser, type Page } from '@playwright/test'
import { test } from './support/test'
import { addLesson, addSection, createCourse, writeLessonContent } from '../../shared/course/commands'
import { newCourseId } from '../../shared/course/ids'
import { lessonBody as storedLessonBody } from '../../shared/course/read'
import type { CourseId } from '../../shared/course/types'
import { formatTeamInvite, parseJoinLink, type TeamInvite } from '../../shared/protocol/invite'
import { roomName, teamRoomName } from '../../shared/protocol/rooms'
import type { TeamRole } from '../../shared/protocol/token'
import { anchorFromRange } from '../../shared/review/anchor'
import { createThread } from '../../shared/review/commands'
import { readThreads } from '../../shared/review/read'
import { readMarks, readTeam } from '../../shared/team/read'
import { declareNeed, registerTeamCourse, setVote } from '../../shared/team/team-doc'
import type { NeedId, TeamActor, TeamId } from '../../shared/team/types'
import {
  connectClient,
  tokenFor,
  runCli,
  SECRET,
  startRelay,
  waitFor,
  type Client,
  type RelayProcess,
} from '../integration/relay-harness'
import { expectNoSeriousAxeViolations } from './support/axe'
import { confirmJoin, lessonRow } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { joinAs, relayAddress, relayHost, seedCourse } from './support/shared-course'
import { storeProfile } from './support/profile'

const TEAM = 'sales-enablement' as TeamId
const NEED = 'Negotiating renewals'
const LESSON = 'Open with the customer’s goals'

interface Person extends TeamActor {
  /** The team invite as the relay's CLI printed it. */
  readonly invite: TeamInvite
}

let relay: RelayProcess
let needId: NeedId
let courseId: CourseId
/** The declarer's client: it stays in the team room, so its document follows what the browsers write. */
let declarer: Client

/** A team invite minted by the relay's CLI, as a lead's admin does: `relay token --team … --invite …`. */
async function invite(role: TeamRole, id: string, name: string): Promise<Person> {
  const args = [
    'token',
    '--data',
    relay.dataDir,
    '--team',
    TEAM,
    '--role',
    role,
    '--name',
    name,
    '--user',
    id,
  ]
  const result = await runCli([...args, '--invite', relayAddress(relay)], { CHORUS_RELAY_SECRET: SECRET })
  expect(result.code, result.stderr).toBe(0)
  const link = result.stdout.trim()
  const parsed = parseJoinLink(link)
  if (!parsed.ok || parsed.value.kind !== 'team') throw new Error(`not a team invite: ${link}`)
  return { id, name, role, invite: parsed.value.invite }
}

async function teamClient(person: Person): Promise<Client> {
  const client = connectClient(relay.url, teamRoomName(TEAM), person.invite.token)
  await client.synced()
  return client
}

/** Everything the test writes must reach the relay before a browser joins: a peer's own doc says when it has. */
async function relayHas(check: (reader: Client) => boolean, what: string, as: Person): Promise<void> {
  const reader = await teamClient(as)
  await waitFor(() => check(reader), 10_000, what)
  reader.destroy()
}

let expert: Person
let lead: Person
let voter: Person

test.beforeAll(async () => {
  relay = await startRelay()
  const member = await invite('member', 'mia', 'Mia')
  voter = await invite('member', 'vic', 'Vic')
  expert = await invite('expert', 'eve', 'Eve')
  lead = await invite('lead', 'lee', 'Lee')

  declarer = await teamClient(member)
  needId = declareNeed(declarer.doc, member, {
    title: NEED,
    outcome: 'Renew a contract without a discount',
    audience: 'Account managers',
    urgency: 'quarter',
    due: null,
    context: '',
    links: [],
  })
  const voting = await teamClient(voter)
  await waitFor(() => readTeam(voting.doc, TEAM).needs.length === 1, 10_000, 'the need at the voter')
  setVote(voting.doc, voter, needId, true)

  // The expert's course: opened first while empty, so the relay registers it to the team, then written.
  courseId = newCourseId()
  const course = connectClient(relay.url, courseId, expert.invite.token)
  await course.synced()
  createCourse(course.doc, { id: courseId, title: NEED })
  const sectionId = addSection(course.doc, { title: 'Key steps' })
  const lessonId = addLesson(course.doc, { sectionId, title: LESSON })
  writeLessonContent(course.doc, lessonId, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ask what success looks like.' }] }],
  })
  const answering = await teamClient(expert)
  await waitFor(() => readTeam(answering.doc, TEAM).needs.length === 1, 10_000, 'the need at the expert')
  registerTeamCourse(answering.doc, expert, { courseId, title: NEED, needId })
  await relayHas(
    (reader) => {
      const [need] = readTeam(reader.doc, TEAM).needs
      return need?.voters.length === 1 && need.courseIds.length === 1
    },
    'the vote and the course on the relay',
    expert,
  )
})

test.afterAll(stopRelaysAndClients)

/** Opens the person's team invite in a fresh browser profile and connects: the team's board opens. */
async function joinTeam(browser: Browser, person: Person, baseURL: string, name?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  if (name !== undefined) await storeProfile(page, baseURL, { displayName: name })
  await page.goto(formatTeamInvite(person.invite, baseURL))
  await confirmJoin(page, relayHost(relay))
  await expect(page.getByRole('tab', { name: 'Needs' })).toHaveAttribute('aria-selected', 'true')
  return page
}

const catalog = (page: Page) => page.getByRole('list', { name: 'Team courses' })
const courseCard = (page: Page) => catalog(page).getByRole('listitem', { name: NEED })

async function openCatalog(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Catalog' }).click()
  await expect(page.getByRole('heading', { name: 'Team catalog' })).toBeVisible()
}

test('an expert’s course goes through review to published; the voter reads it and finds it in For me', async ({
  browser,
  baseURL,
}) => {
  const base = baseURL ?? ''
  // The voter first: a member sees no course while it is a draft.
  const vic = await joinTeam(browser, voter, base, 'Vic')
  await openCatalog(vic)
  await expect(vic.getByText('No published course yet.')).toBeVisible()

  // The expert finds the course with its state, author and need, and asks for review.
  const eve = await joinTeam(browser, expert, base)
  await openCatalog(eve)
  const card = courseCard(eve)
  await expect(card).toContainText('Draft')
  await expect(card.getByRole('definition').filter({ hasText: 'Eve' })).toBeVisible()
  await expect(card.getByRole('link', { name: NEED })).toHaveAttribute(
    'href',
    `#/team/${TEAM}/need/${encodeURIComponent(needId)}`,
  )
  await expect(card.locator('time')).toHaveText(/just now|minute/)
  await expect(card.getByRole('button', { name: /^Mark published/ })).toHaveCount(0)
  await expectNoSeriousAxeViolations(eve, 'the team catalog (expert)')
  await card.getByRole('button', { name: `Ask for review: ${NEED}` }).click()
  await expect(card).toContainText('In review')
  await eve.getByRole('radio', { name: 'Draft' }).check()
  await expect(eve.getByText('No course is draft right now.')).toBeVisible()
  await eve.getByRole('radio', { name: 'In review' }).check()
  await expect(courseCard(eve)).toBeVisible()
  // One click opens it to co-author.
  await courseCard(eve)
    .getByRole('button', { name: `Open to co-author: ${NEED}` })
    .click()
  await expect(eve.getByRole('textbox', { name: 'Course title' })).toHaveValue(NEED)
  await eve.context().close()

  // The lead sees it in review and marks it published.
  const lee = await joinTeam(browser, lead, base)
  await openCatalog(lee)
  await expect(courseCard(lee)).toContainText('In review')
  await courseCard(lee)
    .getByRole('button', { name: `Mark published: ${NEED}` })
    .click()
  await expect(courseCard(lee)).toContainText('Published')
  await expect(courseCard(lee).getByRole('button', { name: /^Mark published/ })).toHaveCount(0)
  await expectNoSeriousAxeViolations(lee, 'the team catalog (lead)')
  await lee.context().close()

  // The voter's catalog follows live, and Read opens the learner view.
  await expect(courseCard(vic)).toContainText('Published')
  await expect(courseCard(vic).getByRole('button', { name: /^Open to co-author/ })).toHaveCount(0)
  await expectNoSeriousAxeViolations(vic, 'the team catalog (member)')
  await courseCard(vic)
    .getByRole('button', { name: `Read: ${NEED}` })
    .click()
  await expect(vic.getByRole('heading', { level: 1, name: NEED })).toBeVisible()
  await expect(vic.getByRole('textbox', { name: 'Lesson body' })).toHaveCount(0)

  // For me: the published need, unread, from the library's button.
  await vic.goto(`${base}#/`)
  const forMeLink = vic.getByRole('link', { name: /^For me/ })
  await expect(forMeLink).toHaveText('For me · 1 unread')
  await forMeLink.click()
  await expect(vic.getByRole('heading', { level: 1, name: 'For me' })).toBeVisible()
  const item = vic.getByRole('list', { name: 'For me' }).getByRole('listitem').filter({ hasText: NEED })
  await expect(item).toContainText('Need published')
  await expect(item).toContainText('Unread')
  await expect(item).toContainText('Lee')
  await expectNoSeriousAxeViolations(vic, 'For me')

  // Opening it goes to the published course and marks it read, in the team space (so on every device of Vic's).
  await item.getByRole('button', { name: new RegExp(`^Lee published .*${NEED}`) }).click()
  await expect(vic).toHaveURL(new RegExp(`#/course/${courseId}$`))
  await expect(vic.getByRole('heading', { level: 1, name: NEED })).toBeVisible()
  await vic.goBack()
  await expect(vic.getByRole('heading', { level: 1, name: 'For me' })).toBeVisible()
  await expect(item).not.toContainText('Unread')
  await expect(vic.getByText('Nothing unread.')).toBeVisible()
  await waitFor(() => readMarks(declarer.doc, voter.id).size === 1, 10_000, 'the read mark on the relay')
  await vic.context().close()
})

test('a thread on my course shared by invite reaches For me; opening it shows the thread and reads it on this device', async ({
  browser,
  baseURL,
}) => {
  const course = await seedCourse(relay, 'Soil basics', { Basics: ['Erosion'] })
  const lessonId = course.lessonId('Erosion')
  writeLessonContent(course.seeder.doc, lessonId, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rain loosens topsoil.' }] }],
  })
  const review = connectClient(
    relay.url,
    roomName({ courseId: course.courseId, kind: 'review' }),
    await tokenFor(course.courseId, 'reviewer', { user: 'rita', name: 'Rita' }),
  )
  await review.synced()
  const body = storedLessonBody(course.seeder.doc, lessonId)
  if (!body) throw new Error('the lesson has no body')
  createThread(review.doc, {
    lessonId,
    anchor: anchorFromRange(body, 1, 5),
    quote: 'Rain',
    author: { id: 'rita', name: 'Rita' },
    body: 'Which kind of rain?',
    mentions: [],
  })

  // Ada, an author of the course, has its comments once it synced them.
  const ada = await joinAs(browser, { relay, ...course, user: 'ada', displayName: 'Ada', baseURL })
  await expect(lessonRow(ada, 'Erosion').getByRole('img', { name: '1 open comment' })).toBeVisible()
  await ada.goto(`${baseURL ?? ''}#/`)
  await ada.getByRole('link', { name: 'For me · 1 unread' }).click()
  const item = ada
    .getByRole('list', { name: 'For me' })
    .getByRole('listitem')
    .filter({ hasText: 'Soil basics' })
  await expect(item).toContainText('Comment on your course')
  await expect(item).toContainText('Unread')

  // Opening it goes to the thread, in its lesson: focused in the panel and marked in the text. The mark stays on
  // this device (no team holds it).
  await item.getByRole('button', { name: 'Rita commented on "Soil basics"' }).click()
  await expect(ada).toHaveURL(new RegExp(`#/course/${course.courseId}/lesson/${lessonId}/thread/[^/]+$`))
  await expect(ada.getByRole('textbox', { name: 'Lesson title' })).toHaveValue('Erosion')
  await expect(ada.getByRole('article', { name: 'Thread on “Rain”' })).toHaveAttribute('aria-current', 'true')
  await expect(ada.locator('.comment-highlight-focused')).toHaveText('Rain')
  await ada.goto(`${baseURL ?? ''}#/for-me`)
  await expect(ada.getByText('Nothing unread.')).toBeVisible()
  await ada.reload()
  await expect(item).toBeVisible()
  await expect(item).not.toContainText('Unread')

  // Resolved since, the thread still shows when its link is opened again, though the panel lists open threads: the
  // filter stays as the user set it, and the thread the link names is listed with it.
  await item.getByRole('button', { name: 'Rita commented on "Soil basics"' }).click()
  const card = ada.getByRole('article', { name: 'Thread on “Rain”' })
  await card.getByRole('button', { name: 'Resolve' }).click()
  await expect(card).toContainText(/Resolved by Ada/)
  await ada.reload()
  await expect(card).toHaveAttribute('aria-current', 'true')
  await expect(card).toContainText(/Resolved by Ada/)
  await expect(
    ada.getByRole('complementary', { name: 'Comments' }).getByRole('radio', { name: 'Open' }),
  ).toBeChecked()

  // A comment made while the course is closed reaches For me without the course being opened: while the library or
  // For me is shown, the comments of shared courses are brought up to date from their relays.
  await ada.goto(`${baseURL ?? ''}#/`)
  await expect(ada.getByRole('link', { name: 'For me' })).toBeVisible()
  createThread(review.doc, {
    lessonId,
    anchor: anchorFromRange(body, 6, 13),
    quote: 'loosens',
    author: { id: 'rita', name: 'Rita' },
    body: 'Always, or only on bare soil?',
    mentions: [],
  })
  const onRelay = connectClient(
    relay.url,
    roomName({ courseId: course.courseId, kind: 'review' }),
    await tokenFor(course.courseId, 'reviewer', { user: 'rita', name: 'Rita' }),
  )
  await waitFor(() => readThreads(onRelay.doc).length === 2, 10_000, 'the relay to hold the second thread')
  await ada.reload()
  await expect(ada.getByRole('link', { name: 'For me · 1 unread' })).toBeVisible({ timeout: 15_000 })
  await ada.context().close()
})
