/**
 * The needs board (issue 12) in the browser build, through a real relay, each person in their own browser context.
 *
 * Two members: Ana declares a need (the form first says what is missing), Bo finds it on his board, says "me too"
 * and writes in its discussion, mentioning Ana with the @-completion; both see two votes and who cast them, and
 * Bo's post on Ana's screen. The relay's copy of the team space holds the mention as Ana's user id. Neither member
 * is offered a control their role cannot use (claiming, answering with a course, a lead's triage).
 *
 * An expert and a lead: the expert claims a need; the lead moves it back (after confirming), takes the claim back,
 * assigns the expert, edits the need and merges a duplicate into it; the expert answers it with a course, which
 * opens prefilled and shows on the lead's screen with the need In progress; the lead archives it.
 *
 * Offline: a member votes and an expert claims while offline, as others vote and claim online; back online, both
 * votes and both claims are there, on every screen and on the relay.
 *
 * Axe finds nothing serious on the board, the declare form and the detail as member, declarer, expert and lead.
 */
import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import { test } from './support/test'
import { formatTeamInvite } from '../../shared/protocol/invite'
import { teamRoomName } from '../../shared/protocol/rooms'
import type { TeamRole } from '../../shared/protocol/token'
import { readTeam } from '../../shared/team/read'
import { declareNeed, setClaim, setVote } from '../../shared/team/team-doc'
import type { NeedFields, TeamId } from '../../shared/team/types'
import { mintToken } from '../../relay-server/src/auth'
import { connectClient, SECRET, startRelay, waitFor, type RelayProcess } from '../integration/relay-harness'
import { expectNoSeriousAxeViolations } from './support/axe'
import { confirmJoin } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { relayAddress, relayHost } from './support/shared-course'

const TEAM = 'needsBoardTeam' as TeamId
const TRIAGE_TEAM = 'needsTriageTeam' as TeamId
const OFFLINE_TEAM = 'needsOfflineTeam' as TeamId

let relay: RelayProcess

test.beforeAll(async () => {
  relay = await startRelay()
})

test.afterAll(stopRelaysAndClients)

interface Person {
  readonly id: string
  readonly name: string
  readonly role: TeamRole
}

const ana: Person = { id: 'ana', name: 'Ana Member', role: 'member' }
const bo: Person = { id: 'bo', name: 'Bo Voter', role: 'member' }
const auditor: Person = { id: 'auditor', name: 'Audit Lead', role: 'lead' }

/** A team token signed with the relay's secret, as `npm run relay -- token --team` mints it. */
const teamToken = (person: Person, team: TeamId = TEAM): Promise<string> =>
  mintToken(SECRET, { user: person.id, name: person.name, team, role: person.role, ttlSeconds: 3600 })

/** Opens the person's team invite in a new browser context, confirms it and waits for the needs board. */
async function joinTeam(
  browser: Browser,
  baseURL: string | undefined,
  person: Person,
  team: TeamId = TEAM,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  const token = await teamToken(person, team)
  await page.goto(formatTeamInvite({ relay: relayAddress(relay), teamId: team, token }, baseURL ?? ''))
  await confirmJoin(page, relayHost(relay))
  await expect(board(page).getByRole('heading', { name: 'Needs', exact: true })).toBeVisible()
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  return page
}

const board = (page: Page): Locator => page.getByRole('tabpanel', { name: 'Needs' })
const needCard = (page: Page, title: string): Locator =>
  board(page).getByRole('list', { name: 'Needs' }).getByRole('listitem').filter({ hasText: title })
const meToo = (page: Page): Locator => board(page).getByRole('button', { name: 'Me too', exact: true })
const discussion = (page: Page): Locator => board(page).getByRole('region', { name: 'Discussion' })

const TITLE = 'Negotiating contract renewals'

test('a member declares a need, another votes and mentions her in its discussion, both see it live', async ({
  browser,
  baseURL,
}) => {
  const anaPage = await joinTeam(browser, baseURL, ana)
  await expect(board(anaPage).getByText(/No needs yet/)).toBeVisible()
  await expectNoSeriousAxeViolations(anaPage, 'the empty needs board')

  // The form says what is missing, beside each field, before anything is declared.
  await board(anaPage).getByRole('button', { name: 'Declare a need' }).click()
  const form = anaPage.getByRole('dialog', { name: 'Declare a need' })
  await form.getByRole('textbox', { name: 'Links (optional)' }).fill('intranet/renewals')
  await form.getByRole('button', { name: 'Declare need' }).click()
  await expect(form.getByText(/Give the need a title/)).toBeVisible()
  await expect(form.getByText(/Say who needs it/)).toBeVisible()
  await expect(form.getByText(/“intranet\/renewals” is not a web address/)).toBeVisible()
  await expect(form.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await expect(form.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousAxeViolations(anaPage, 'the declare form with its problems')

  await form.getByRole('textbox', { name: 'Title' }).fill(TITLE)
  await form
    .getByRole('textbox', { name: 'What should people be able to do afterwards?' })
    .fill('Run a renewal call without opening with a discount')
  await form.getByRole('textbox', { name: 'Who needs it (audience)' }).fill('Account managers')
  await form.getByRole('radio', { name: 'Now' }).check()
  await form.getByLabel('Due date (optional)').fill('2027-03-31')
  await form.getByRole('textbox', { name: 'Context (optional)' }).fill('Renewals slipped twice this quarter.')
  await form.getByRole('textbox', { name: 'Links (optional)' }).fill('https://intranet.example/renewals')
  await form.getByRole('button', { name: 'Declare need' }).click()
  await expect(form).toBeHidden()

  // Declaring opens the need: its fields, and what a member who declared it may do (close it, edit it).
  await expect(board(anaPage).getByRole('heading', { name: TITLE, level: 3 })).toBeFocused()
  await expect(board(anaPage).getByText('Urgency: Now')).toBeVisible()
  await expect(board(anaPage).getByText('Due 2027-03-31')).toBeVisible()
  await expect(board(anaPage).getByRole('link', { name: 'https://intranet.example/renewals' })).toBeVisible()
  await expect(board(anaPage).getByRole('button', { name: 'Edit need' })).toBeVisible()
  await expect(board(anaPage).getByRole('button', { name: 'Move to Closed' })).toBeVisible()
  await meToo(anaPage).click()
  await expect(meToo(anaPage)).toHaveAttribute('aria-pressed', 'true')
  await expect(board(anaPage).getByText('1 vote: you')).toBeVisible()

  // Bo finds it on his board, as the relay passed it on, with Ana's vote.
  const boPage = await joinTeam(browser, baseURL, bo)
  await expect(needCard(boPage, TITLE)).toContainText('Open')
  await expect(needCard(boPage, TITLE)).toContainText('1 vote: Ana Member')
  await expectNoSeriousAxeViolations(boPage, 'the needs board')
  await needCard(boPage, TITLE).getByRole('button', { name: TITLE }).click()
  await expect(board(boPage).getByRole('heading', { name: TITLE, level: 3 })).toBeVisible()

  // A member on someone else's need: "me too" and the discussion, no claiming, answering, status or triage.
  for (const control of [
    'Claim',
    'Answer with a course',
    'Edit need',
    'Merge into…',
    'Archive',
    /^Move (back )?to /,
  ])
    await expect(board(boPage).getByRole('button', { name: control })).toHaveCount(0)
  await expect(board(boPage).getByLabel('Assign an expert')).toHaveCount(0)

  await expect(meToo(boPage)).toHaveAttribute('aria-pressed', 'false')
  await meToo(boPage).click()
  await expect(meToo(boPage)).toHaveAttribute('aria-pressed', 'true')
  await expect(board(boPage).getByText('2 votes: Ana Member and you')).toBeVisible()

  // The @-completion offers the team's members by name; picking one writes the whole name.
  const box = discussion(boPage).getByRole('textbox', { name: 'Add to the discussion' })
  await box.click()
  await box.pressSequentially('Thanks @An', { delay: 20 })
  await expect(boPage.getByRole('listbox', { name: 'People to mention' })).toBeVisible()
  await boPage.getByRole('option', { name: 'Ana Member' }).click()
  await expect(box).toHaveValue('Thanks @Ana Member ')
  await box.pressSequentially('— our EMEA accounts need this too.', { delay: 5 })
  await discussion(boPage).getByRole('button', { name: 'Post' }).click()
  await expect(box).toHaveValue('')
  const boPost = discussion(boPage).getByRole('listitem').filter({ hasText: 'our EMEA accounts' })
  await expect(boPost).toContainText('You')
  await expectNoSeriousAxeViolations(boPage, 'a need’s detail, as a member')

  // Ana sees Bo's vote and post live, without reloading.
  await expect(board(anaPage).getByText('2 votes: you and Bo Voter')).toBeVisible()
  const anaSees = discussion(anaPage).getByRole('listitem').filter({ hasText: 'our EMEA accounts' })
  await expect(anaSees).toContainText('Bo Voter')
  await expect(anaSees).toContainText('Thanks @Ana Member — our EMEA accounts need this too.')
  await expectNoSeriousAxeViolations(anaPage, 'a need’s detail, as its declarer')

  // Back on the board: two votes and who, on both screens; the filters and search narrow the list.
  await board(anaPage).getByRole('button', { name: 'All needs' }).click()
  await expect(needCard(anaPage, TITLE).getByRole('button', { name: TITLE })).toBeFocused()
  await expect(needCard(anaPage, TITLE)).toContainText('2 votes: Ana Member and Bo Voter')
  await expect(needCard(anaPage, TITLE)).toContainText('1 post')
  await board(boPage).getByRole('button', { name: 'All needs' }).click()
  await expect(needCard(boPage, TITLE)).toContainText('2 votes: Ana Member and Bo Voter')
  const show = board(boPage).getByLabel('Show')
  await show.selectOption({ label: 'Mine' })
  await expect(board(boPage).getByText(/No need matches/)).toBeVisible()
  await show.selectOption({ label: 'I voted' })
  await expect(needCard(boPage, TITLE)).toBeVisible()
  await show.selectOption({ label: 'Account managers' })
  await expect(needCard(boPage, TITLE)).toBeVisible()
  await board(boPage).getByRole('searchbox', { name: 'Search needs' }).fill('onboarding')
  await expect(board(boPage).getByText(/No need matches/)).toBeVisible()
  await board(boPage).getByRole('searchbox', { name: 'Search needs' }).fill('renewal')
  await expect(needCard(boPage, TITLE)).toBeVisible()

  // The relay's copy of the team space: each vote once, the mention as Ana's user id.
  const reader = connectClient(relay.url, teamRoomName(TEAM), await teamToken(auditor))
  await reader.synced()
  await waitFor(() => readTeam(reader.doc, TEAM).needs[0]?.posts.length === 1)
  const [need] = readTeam(reader.doc, TEAM).needs
  expect(need?.voters.map((voter) => voter.id).sort()).toEqual(['ana', 'bo'])
  expect(need?.posts[0]?.mentions).toEqual(['ana'])
})

const eve: Person = { id: 'eve', name: 'Eve Expert', role: 'expert' }
const lea: Person = { id: 'lea', name: 'Lea Lead', role: 'lead' }
const max: Person = { id: 'max', name: 'Max Member', role: 'member' }

const fields = (title: string): NeedFields => ({
  title,
  outcome: 'Write a blameless incident review within two days',
  audience: 'Everyone on call',
  urgency: 'quarter',
  due: null,
  context: '',
  links: [],
})

const openNeed = async (page: Page, title: string): Promise<void> => {
  await needCard(page, title).getByRole('button', { name: title }).click()
  await expect(board(page).getByRole('heading', { name: title, level: 3 })).toBeVisible()
}
const status = (page: Page): Locator => board(page).getByRole('region', { name: 'Status' })
const answerers = (page: Page): Locator => board(page).getByRole('region', { name: 'Who answers it' })

test('an expert claims a need and answers it with a course; a lead moves it back, assigns, merges and archives', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000)
  // Max declared two needs, one a duplicate of the other, from his own app (a plain client here).
  const maxApp = connectClient(relay.url, teamRoomName(TRIAGE_TEAM), await teamToken(max, TRIAGE_TEAM))
  await maxApp.synced()
  declareNeed(maxApp.doc, max, fields('Writing incident reviews'))
  declareNeed(maxApp.doc, max, fields('Postmortem writing'))

  const evePage = await joinTeam(browser, baseURL, eve, TRIAGE_TEAM)
  await openNeed(evePage, 'Writing incident reviews')
  // An expert claims, answers and moves a need along; publishing, closing and triage are a lead's.
  for (const control of ['Merge into…', 'Archive', 'Edit need', 'Move to Published', 'Move to Closed'])
    await expect(board(evePage).getByRole('button', { name: control })).toHaveCount(0)
  await expect(board(evePage).getByLabel('Assign an expert')).toHaveCount(0)
  await answerers(evePage).getByRole('button', { name: 'Claim', exact: true }).click()
  await expect(answerers(evePage).getByRole('listitem')).toHaveText(/^You\s*Drop claim$/)
  await expect(status(evePage)).toContainText('Claimed')
  await expectNoSeriousAxeViolations(evePage, 'a need’s detail, as an expert')

  const leaPage = await joinTeam(browser, baseURL, lea, TRIAGE_TEAM)
  await expect(needCard(leaPage, 'Writing incident reviews')).toContainText('Claimed by Eve Expert')
  await openNeed(leaPage, 'Writing incident reviews')
  await expect(status(leaPage)).toContainText('set by Eve Expert')

  // Moving back is deliberate: the lead confirms it, and the expert sees it live.
  await status(leaPage).getByRole('button', { name: 'Move back to Open' }).click()
  const confirm = leaPage.getByRole('alertdialog', { name: 'Move “Writing incident reviews” back to Open?' })
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Move back to Open' }).click()
  await expect(confirm).toBeHidden()
  await expect(status(leaPage).getByRole('strong')).toHaveText('Open')
  await expect(status(evePage).getByRole('strong')).toHaveText('Open')

  // The lead takes Eve's claim back, then assigns her: her screen says who assigned her.
  await answerers(leaPage).getByRole('button', { name: 'Take back from Eve Expert' }).click()
  await expect(answerers(leaPage).getByText('Nobody has claimed this need yet.')).toBeVisible()
  await answerers(leaPage).getByLabel('Assign an expert').selectOption({ label: 'Eve Expert' })
  await answerers(leaPage).getByRole('button', { name: 'Assign', exact: true }).click()
  await expect(answerers(evePage).getByRole('listitem')).toContainText('You (assigned by Lea Lead)')
  await expectNoSeriousAxeViolations(leaPage, 'a need’s detail, as a lead')

  // A lead edits someone else's need: the form opens filled in, the change shows on the expert's screen.
  await board(leaPage).getByRole('button', { name: 'Edit need' }).click()
  const edit = leaPage.getByRole('dialog', { name: 'Edit need' })
  await expect(edit.getByRole('textbox', { name: 'Title' })).toHaveValue('Writing incident reviews')
  await edit.getByRole('radio', { name: 'Now' }).check()
  await edit.getByRole('button', { name: 'Save need' }).click()
  await expect(edit).toBeHidden()
  await expect(board(evePage).getByText('Urgency: Now')).toBeVisible()

  // The duplicate goes under the main need, and leaves the board.
  await board(leaPage).getByRole('button', { name: 'All needs' }).click()
  await openNeed(leaPage, 'Postmortem writing')
  await board(leaPage).getByRole('button', { name: 'Merge into…' }).click()
  const merge = leaPage.getByRole('dialog', { name: 'Merge “Postmortem writing” into…' })
  await merge.getByLabel('Merge into').selectOption({ label: 'Writing incident reviews (Claimed)' })
  await merge.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(board(leaPage).getByRole('note')).toContainText(
    'merged this need into “Writing incident reviews”',
  )
  await board(leaPage).getByRole('button', { name: 'Open “Writing incident reviews”' }).click()
  await expect(board(leaPage).getByText('“Postmortem writing”')).toBeVisible()
  await board(evePage).getByRole('button', { name: 'All needs' }).click()
  await expect(needCard(evePage, 'Postmortem writing')).toHaveCount(0)

  // Eve answers with a course: it opens, prefilled from the need; the board shows it and its progress.
  await openNeed(evePage, 'Writing incident reviews')
  await board(evePage).getByRole('button', { name: 'Answer with a course' }).click()
  await expect(evePage.getByRole('textbox', { name: 'Course title' })).toHaveValue('Writing incident reviews')
  const courses = board(leaPage).getByRole('region', { name: 'Courses answering it' })
  await expect(courses.getByRole('button', { name: 'Open course “Writing incident reviews”' })).toBeVisible()
  await expect(courses).toContainText('Draft')
  await expect(status(leaPage).getByRole('strong')).toHaveText('In progress')

  // Archiving takes it off the open board.
  await board(leaPage).getByRole('button', { name: 'Archive' }).click()
  await expect(status(leaPage).getByRole('strong')).toHaveText('Archived')
  await board(leaPage).getByRole('button', { name: 'All needs' }).click()
  await expect(board(leaPage).getByText(/No need matches/)).toBeVisible()
})

const ivo: Person = { id: 'ivo', name: 'Ivo Expert', role: 'expert' }
const connectionOf = (page: Page): Locator => page.getByRole('status', { name: 'Connection' })

test('a vote and a claim made offline merge with those made online meanwhile', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000)
  const maxApp = connectClient(relay.url, teamRoomName(OFFLINE_TEAM), await teamToken(max, OFFLINE_TEAM))
  const ivoApp = connectClient(relay.url, teamRoomName(OFFLINE_TEAM), await teamToken(ivo, OFFLINE_TEAM))
  await Promise.all([maxApp.synced(), ivoApp.synced()])
  const title = 'Reading a cash-flow statement'
  const needId = declareNeed(maxApp.doc, max, fields(title))

  const boPage = await joinTeam(browser, baseURL, bo, OFFLINE_TEAM)
  const evePage = await joinTeam(browser, baseURL, eve, OFFLINE_TEAM)
  await openNeed(boPage, title)
  await openNeed(evePage, title)

  for (const page of [boPage, evePage]) {
    await page.context().setOffline(true)
    await expect(connectionOf(page)).toContainText('Offline')
  }
  await meToo(boPage).click()
  await expect(board(boPage).getByText('1 vote: you')).toBeVisible()
  await answerers(evePage).getByRole('button', { name: 'Claim', exact: true }).click()
  await expect(answerers(evePage).getByRole('listitem')).toHaveCount(1)
  await expect(connectionOf(boPage)).toContainText('changes not yet on the relay')

  // Meanwhile, online: Max says "me too" and Ivo claims the same need.
  await ivoApp.synced()
  setVote(maxApp.doc, max, needId, true)
  setClaim(ivoApp.doc, ivo, needId, ivo, true)

  for (const page of [boPage, evePage]) {
    await page.context().setOffline(false)
    await expect(connectionOf(page)).toHaveText('Synced', { timeout: 20_000 })
  }
  await expect(board(boPage).getByText('2 votes: you and Max Member')).toBeVisible()
  await expect(answerers(evePage).getByRole('listitem')).toHaveText([/^You/, /^Ivo Expert/])
  await expect(answerers(boPage).getByRole('listitem')).toHaveText(['Eve Expert', 'Ivo Expert'])
  await expect(status(boPage).getByRole('strong')).toHaveText('Claimed')

  await waitFor(() => readTeam(maxApp.doc, OFFLINE_TEAM).needs[0]?.claims.length === 2)
  const [need] = readTeam(maxApp.doc, OFFLINE_TEAM).needs
  expect(need?.voters.map((voter) => voter.id)).toEqual(['bo', 'max'])
  expect(need?.claims.map((claim) => claim.expert.id)).toEqual(['eve', 'ivo'])
})
