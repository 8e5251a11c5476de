/**
 * The whole team loop of issue 12 in the browser build, through a real relay process: every person joins with a
 * team invite minted by the relay's CLI, in their own browser context (so their own IndexedDB), and does
 * everything through the app's UI.
 *
 * Online: Mia (member) declares a need, Vic (member) says "me too", Eli (expert) claims it and answers it with a
 * course, which opens in the editor naming the need it answers. Eli writes in a lesson while Mia watches the
 * need's progress follow (lessons, words, last edit by Eli). Eli asks for review; Lou (lead) answers a need Vic
 * declared with a course of her own, then marks Eli's published from the catalog; the need shows Published, and
 * Mia and Vic each find it in For me, unread until they open it (in the learner view), read after.
 *
 * Offline: Vic votes from a laptop that is offline while he votes from his phone and Mia votes online; Eli claims
 * offline while Ivy (expert) claims online. Once back online everyone sees the same need: two votes (Vic counted
 * once), both claims, Claimed.
 *
 * With `CHORUS_README_SHOTS=<dir>`, the online test saves the README's screenshots of the needs board and the
 * catalog there (board.png, catalog.png); without it, it takes none.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import { test } from './support/test'
import * as Y from 'yjs'
import { createCourse } from '../../shared/course/commands'
import { newCourseId } from '../../shared/course/ids'
import { courseWordCount } from '../../shared/course/word-count'
import { formatTeamInvite, parseJoinLink, type TeamInvite } from '../../shared/protocol/invite'
import type { TeamRole } from '../../shared/protocol/token'
import { readTeam } from '../../shared/team/read'
import { fillStarterCourse } from '../../shared/team/starter-course'
import { declareNeed } from '../../shared/team/team-doc'
import type { NeedFields, TeamId } from '../../shared/team/types'
import { runCli, SECRET, startRelay, type RelayProcess } from '../integration/relay-harness'
import { confirmJoin, lessonBody, openLesson } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { connection, relayAddress, relayHost, typeAtEnd } from './support/shared-course'

const LOOP_TEAM = 'customer-success' as TeamId
const OFFLINE_TEAM = 'field-service' as TeamId
/** The README's screenshots are taken at this size. */
const VIEWPORT = { width: 1280, height: 800 }
/** Sync through a relay on a loaded two-core machine: generous, since every wait ends as soon as it is met. */
const SYNC = { timeout: 30_000 }

interface Person {
  readonly id: string
  readonly name: string
  readonly role: TeamRole
}

const mia: Person = { id: 'mia', name: 'Mia Chen', role: 'member' }
const vic: Person = { id: 'vic', name: 'Vic Osei', role: 'member' }
const eli: Person = { id: 'eli', name: 'Eli Park', role: 'expert' }
const ivy: Person = { id: 'ivy', name: 'Ivy Laine', role: 'expert' }
const lou: Person = { id: 'lou', name: 'Lou Martin', role: 'lead' }

let relay: RelayProcess

test.beforeAll(async () => {
  relay = await startRelay()
})

test.afterAll(stopRelaysAndClients)

/** The person's team invite, minted as a relay's admin does: `npm run relay -- token --team … --invite <relay>`. */
async function mintInvite(person: Person, team: TeamId): Promise<TeamInvite> {
  const minted = await runCli(
    [
      'token',
      '--data',
      relay.dataDir,
      '--team',
      team,
      '--role',
      person.role,
      '--name',
      person.name,
      '--user',
      person.id,
      '--invite',
      relayAddress(relay),
    ],
    { CHORUS_RELAY_SECRET: SECRET },
  )
  expect(minted.code, minted.stderr).toBe(0)
  const parsed = parseJoinLink(minted.stdout.trim())
  if (!parsed.ok || parsed.value.kind !== 'team') throw new Error(`not a team invite: ${minted.stdout}`)
  return parsed.value.invite
}

/** Opens the invite as a web link in a fresh browser context (a device of its own), confirms, waits for the board. */
async function joinTeam(browser: Browser, baseURL: string, invite: TeamInvite): Promise<Page> {
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage()
  await page.goto(formatTeamInvite(invite, baseURL))
  await confirmJoin(page, relayHost(relay))
  await expect(board(page).getByRole('heading', { name: 'Needs', exact: true })).toBeVisible(SYNC)
  await expect(connection(page)).toHaveText('Synced', SYNC)
  return page
}

const board = (page: Page): Locator => page.getByRole('tabpanel', { name: 'Needs' })
const needCard = (page: Page, title: string): Locator =>
  board(page).getByRole('list', { name: 'Needs' }).getByRole('listitem').filter({ hasText: title })
const meToo = (page: Page): Locator => board(page).getByRole('button', { name: 'Me too', exact: true })
const votes = (page: Page): Locator => board(page).getByText(/^(No votes yet|\d+ votes?:)/)
const status = (page: Page): Locator =>
  board(page).getByRole('region', { name: 'Status' }).getByRole('strong')
const answerers = (page: Page): Locator => board(page).getByRole('region', { name: 'Who answers it' })
const answeringCourses = (page: Page): Locator =>
  board(page).getByRole('region', { name: 'Courses answering it' })
const catalogCard = (page: Page, title: string): Locator =>
  page.getByRole('list', { name: 'Team courses' }).getByRole('listitem', { name: title })

async function openNeed(page: Page, title: string): Promise<void> {
  await needCard(page, title).getByRole('button', { name: title }).click()
  await expect(board(page).getByRole('heading', { name: title, level: 3 })).toBeVisible()
}

/** The urgency radio buttons of the declare form, by the model's value. */
const URGENCY = { now: 'Now', quarter: 'This quarter', later: 'Later' } as const

async function declare(page: Page, fields: NeedFields): Promise<void> {
  await board(page).getByRole('button', { name: 'Declare a need' }).click()
  const form = page.getByRole('dialog', { name: 'Declare a need' })
  await form.getByRole('textbox', { name: 'Title' }).fill(fields.title)
  await form
    .getByRole('textbox', { name: 'What should people be able to do afterwards?' })
    .fill(fields.outcome)
  await form.getByRole('textbox', { name: 'Who needs it (audience)' }).fill(fields.audience)
  await form.getByRole('radio', { name: URGENCY[fields.urgency] }).check()
  if (fields.context !== '')
    await form.getByRole('textbox', { name: 'Context (optional)' }).fill(fields.context)
  await form.getByRole('button', { name: 'Declare need' }).click()
  await expect(form).toBeHidden()
  await expect(board(page).getByRole('heading', { name: fields.title, level: 3 })).toBeVisible()
}

async function openCatalog(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Catalog' }).click()
  await expect(page.getByRole('heading', { name: 'Team catalog' })).toBeVisible()
}

/** Saves a README screenshot when CHORUS_README_SHOTS names a directory; otherwise does nothing. */
async function readmeShot(page: Page, file: string): Promise<void> {
  const dir = process.env.CHORUS_README_SHOTS
  if (dir === undefined || dir === '') return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, file) })
}

const PRICING: NeedFields = {
  title: 'Handling pricing objections',
  outcome: 'Answer “it is too expensive” with the value the customer gets, without offering a discount',
  audience: 'Account managers',
  urgency: 'now',
  due: null,
  context: 'Three renewals this quarter closed only after a discount.',
  links: [],
}

const HANDOVER: NeedFields = {
  title: 'Writing a clear handover note',
  outcome: 'Hand a customer over to a colleague so they never have to repeat themselves',
  audience: 'Support engineers',
  urgency: 'quarter',
  due: null,
  context: '',
  links: [],
}

/** What Eli writes at the end of the introduction: the number of words the need's progress must grow by. */
const ELI_WRITES = 'Start by asking what the customer wants to achieve this year.'
const ELI_WORDS = 11

/**
 * The words of the course "Answer with a course" starts from, counted as the app counts them: the starter outline
 * for the same need, built in a scratch document (nothing here reaches the relay or the browsers).
 */
function starterWords(fields: NeedFields): number {
  const team = new Y.Doc()
  declareNeed(team, mia, fields)
  const [need] = readTeam(team, LOOP_TEAM).needs
  if (need === undefined) throw new Error('the scratch need was not declared')
  const course = new Y.Doc()
  createCourse(course, { id: newCourseId(), title: fields.title })
  fillStarterCourse(course, need)
  return courseWordCount(course)
}

test('a member’s need is voted, claimed, answered with a course she watches grow, published, and in For me', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000)
  const base = baseURL ?? ''
  const [miaInvite, vicInvite, eliInvite, louInvite] = await Promise.all([
    mintInvite(mia, LOOP_TEAM),
    mintInvite(vic, LOOP_TEAM),
    mintInvite(eli, LOOP_TEAM),
    mintInvite(lou, LOOP_TEAM),
  ])
  const title = PRICING.title

  // Mia declares the need; it opens, with no votes yet.
  const miaPage = await joinTeam(browser, base, miaInvite)
  await declare(miaPage, PRICING)
  await expect(votes(miaPage)).toHaveText(/^No votes yet/)
  await expect(status(miaPage)).toHaveText('Open')

  // Vic finds it on his board and says "me too"; he also declares a need of his own.
  const vicPage = await joinTeam(browser, base, vicInvite)
  await expect(needCard(vicPage, title)).toContainText('Open', SYNC)
  await declare(vicPage, HANDOVER)
  await board(vicPage).getByRole('button', { name: 'All needs' }).click()
  await openNeed(vicPage, title)
  await meToo(vicPage).click()
  await expect(meToo(vicPage)).toHaveAttribute('aria-pressed', 'true')
  await expect(votes(vicPage)).toHaveText('1 vote: you')
  await expect(votes(miaPage)).toHaveText(`1 vote: ${vic.name}`, SYNC)

  // Eli claims it: Mia sees it claimed, by him, live.
  const eliPage = await joinTeam(browser, base, eliInvite)
  await expect(needCard(eliPage, title)).toContainText(`1 vote: ${vic.name}`, SYNC)
  await openNeed(eliPage, title)
  await answerers(eliPage).getByRole('button', { name: 'Claim', exact: true }).click()
  await expect(status(eliPage)).toHaveText('Claimed')
  await expect(status(miaPage)).toHaveText('Claimed', SYNC)
  await expect(answerers(miaPage).getByRole('listitem')).toHaveText([eli.name], SYNC)

  // Eli answers it with a course: the editor opens on it, prefilled, its header naming the need.
  await board(eliPage).getByRole('button', { name: 'Answer with a course' }).click()
  await expect(eliPage.getByRole('textbox', { name: 'Course title' })).toHaveValue(title, SYNC)
  await expect(eliPage.getByRole('link', { name: `Answers need: ${title}` })).toBeVisible(SYNC)
  await expect(connection(eliPage)).toHaveText('Synced', SYNC)
  await expect(status(miaPage)).toHaveText('In progress', SYNC)
  await expect(answeringCourses(miaPage)).toContainText(`“${title}” · Draft`, SYNC)
  // A member is offered nothing the relay would refuse: a draft is not hers to open yet.
  await expect(answeringCourses(miaPage).getByRole('button', { name: /course “/ })).toHaveCount(0)
  await expect(answeringCourses(miaPage)).toContainText('You can read it once a team lead publishes it.')

  // He writes in the introduction; Mia's page follows: the lessons, the words with his, the last edit his.
  const expectedWords = starterWords(PRICING) + ELI_WORDS
  await expect(answeringCourses(miaPage)).not.toContainText(`${expectedWords} words`)
  await openLesson(eliPage, 'Introduction')
  await typeAtEnd(lessonBody(eliPage), ` ${ELI_WRITES}`)
  const progress = answeringCourses(miaPage)
  await expect(progress).toContainText(`4 lessons · ${expectedWords} words · 0 open comments`, SYNC)
  await expect(progress).toContainText(`Co-authors: ${eli.name}`)
  await expect(progress).toContainText(`Last edit by ${eli.name}`)

  // The board as the README shows it: both needs, the votes, the claim and the course's progress.
  await board(miaPage).getByRole('button', { name: 'All needs' }).click()
  const pricingCard = needCard(miaPage, title)
  await expect(pricingCard).toContainText(`1 vote: ${vic.name}`)
  await expect(pricingCard).toContainText(`Claimed by ${eli.name}`)
  await expect(pricingCard).toContainText(`${expectedWords} words`)
  await expect(needCard(miaPage, HANDOVER.title)).toBeVisible()
  await readmeShot(miaPage, 'board.png')
  await openNeed(miaPage, title)

  // Eli goes back to the need from his course's header, and asks for review in the catalog.
  await eliPage.getByRole('link', { name: `Answers need: ${title}` }).click()
  await expect(board(eliPage).getByRole('heading', { name: title, level: 3 })).toBeVisible(SYNC)
  await openCatalog(eliPage)
  await catalogCard(eliPage, title)
    .getByRole('button', { name: `Ask for review: ${title}` })
    .click()
  await expect(catalogCard(eliPage, title)).toContainText('In review')

  // Lou, the lead, answers Vic's need with a course of her own, then finds Eli's in review and marks it published.
  const louPage = await joinTeam(browser, base, louInvite)
  // Only a lead names the team; everyone sees the name at once.
  await expect(miaPage.getByRole('button', { name: 'Rename team…' })).toHaveCount(0)
  await louPage.getByRole('button', { name: 'Rename team…' }).click()
  const rename = louPage.getByRole('dialog', { name: 'Rename the team' })
  await rename.getByLabel('Team name').fill('Customer Success')
  await rename.getByRole('button', { name: 'Rename' }).click()
  await expect(louPage.getByRole('heading', { level: 1 })).toHaveText('Customer Success')
  await expect(miaPage.getByRole('heading', { level: 1 })).toHaveText('Customer Success', SYNC)
  await openNeed(louPage, HANDOVER.title)
  await board(louPage).getByRole('button', { name: 'Answer with a course' }).click()
  await expect(louPage.getByRole('link', { name: `Answers need: ${HANDOVER.title}` })).toBeVisible(SYNC)
  await louPage.getByRole('link', { name: `Answers need: ${HANDOVER.title}` }).click()
  await openCatalog(louPage)
  await expect(catalogCard(louPage, HANDOVER.title)).toContainText('Draft')
  const louCard = catalogCard(louPage, title)
  await expect(louCard).toContainText('In review', SYNC)
  await expect(louCard.getByRole('definition').filter({ hasText: eli.name })).toBeVisible()
  await expect(louCard.getByRole('link', { name: title })).toBeVisible()
  await readmeShot(louPage, 'catalog.png')
  await louCard.getByRole('button', { name: `Mark published: ${title}` }).click()
  await expect(louCard).toContainText('Published')

  // The need is Published for everyone who asked for it.
  await expect(status(miaPage)).toHaveText('Published', SYNC)
  await expect(status(vicPage)).toHaveText('Published', SYNC)
  await expect(answeringCourses(vicPage)).toContainText(`“${title}” · Published`)
  await expect(
    answeringCourses(miaPage).getByRole('button', { name: `Read course “${title}”` }),
  ).toBeVisible()

  // Mia and Vic each find the published answer in For me, unread until they open it (the learner view).
  for (const page of [miaPage, vicPage]) {
    await page.getByRole('link', { name: 'For me', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'For me' })).toBeVisible()
    const items = page.getByRole('list', { name: 'For me' }).getByRole('listitem')
    const published = items.filter({ hasText: 'Need published' })
    await expect(published).toContainText('Unread', SYNC)
    await expect(published).toContainText(lou.name)
    await expect(items.filter({ hasText: 'Need claimed' })).toContainText(`${eli.name} claimed "${title}"`)
    await expect(page.getByText('2 unread')).toBeVisible()
    await published
      .getByRole('button', { name: `${lou.name} published "${title}", answering "${title}"` })
      .click()
    await expect(page).toHaveURL(/#\/course\/[^/]+$/)
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible(SYNC)
    await expect(page.getByRole('textbox', { name: 'Lesson body' })).toHaveCount(0)
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: 'For me' })).toBeVisible()
    await expect(published).not.toContainText('Unread')
    await expect(page.getByText('1 unread')).toBeVisible()
  }

  for (const page of [miaPage, vicPage, eliPage, louPage]) await page.context().close()
})

const ROTA: NeedFields = {
  title: 'Planning the on-call rota',
  outcome: 'Build a fair on-call rota for a team of six',
  audience: 'Team leads',
  urgency: 'later',
  due: null,
  context: '',
  links: [],
}

test('a vote and a claim made offline merge with those made online: one vote each, both claims', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000)
  const base = baseURL ?? ''
  const [miaInvite, vicInvite, eliInvite, ivyInvite] = await Promise.all([
    mintInvite(mia, OFFLINE_TEAM),
    mintInvite(vic, OFFLINE_TEAM),
    mintInvite(eli, OFFLINE_TEAM),
    mintInvite(ivy, OFFLINE_TEAM),
  ])
  const title = ROTA.title

  const miaPage = await joinTeam(browser, base, miaInvite)
  await declare(miaPage, ROTA)
  // Vic has the team on two devices, his laptop and his phone; Eli and Ivy are the team's experts.
  const laptop = await joinTeam(browser, base, vicInvite)
  const phone = await joinTeam(browser, base, vicInvite)
  const eliPage = await joinTeam(browser, base, eliInvite)
  const ivyPage = await joinTeam(browser, base, ivyInvite)
  for (const page of [laptop, phone, eliPage, ivyPage]) await openNeed(page, title)

  // Vic's laptop and Eli go offline; each votes or claims there, kept on the device.
  for (const page of [laptop, eliPage]) {
    await page.context().setOffline(true)
    await expect(connection(page)).toHaveText(/^Offline/)
  }
  await meToo(laptop).click()
  await expect(votes(laptop)).toHaveText('1 vote: you')
  await answerers(eliPage).getByRole('button', { name: 'Claim', exact: true }).click()
  await expect(answerers(eliPage).getByRole('listitem')).toHaveText([/^You/])
  await expect(status(eliPage)).toHaveText('Claimed')
  for (const page of [laptop, eliPage])
    await expect(connection(page)).toHaveText('Offline · changes not yet on the relay')

  // Meanwhile, online: Vic votes from his phone, Mia votes too, Ivy claims.
  await meToo(phone).click()
  await meToo(miaPage).click()
  await answerers(ivyPage).getByRole('button', { name: 'Claim', exact: true }).click()
  await expect(votes(miaPage)).toHaveText(/^2 votes: /, SYNC)
  await expect(answerers(miaPage).getByRole('listitem')).toHaveText([ivy.name], SYNC)
  // Nothing done offline reached anyone.
  await expect(votes(laptop)).toHaveText('1 vote: you')
  await expect(answerers(eliPage).getByRole('listitem')).toHaveText([/^You/])

  // Back online, everyone converges: Vic counted once, both claims kept, Claimed.
  for (const page of [laptop, eliPage]) {
    await page.context().setOffline(false)
    await expect(connection(page)).toHaveText('Synced', SYNC)
  }
  const everyone = [miaPage, laptop, phone, eliPage, ivyPage]
  for (const page of everyone) {
    await expect(votes(page)).toHaveText(/^2 votes: /, SYNC)
    await expect(votes(page)).toContainText(page === miaPage ? 'you' : mia.name)
    await expect(votes(page)).toContainText(page === laptop || page === phone ? 'you' : vic.name)
    await expect(answerers(page).getByRole('listitem')).toHaveCount(2, SYNC)
    await expect(answerers(page)).toContainText(page === eliPage ? 'You' : eli.name)
    await expect(answerers(page)).toContainText(page === ivyPage ? 'You' : ivy.name)
    await expect(status(page)).toHaveText('Claimed')
  }
  await board(miaPage).getByRole('button', { name: 'All needs' }).click()
  await expect(needCard(miaPage, title)).toContainText('2 votes: ')
  await expect(needCard(miaPage, title)).toContainText(vic.name)

  for (const page of everyone) await page.context().close()
})
