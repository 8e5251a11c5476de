/**
 * Joining a team through a real relay: a team invite minted by the relay's CLI, opened as a web link, confirmed
 * (which team, which role, which relay), lands on the team's (empty) needs board and shows the team in the library.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { formatTeamInvite, parseJoinLink } from '../../shared/protocol/invite'
import { runCli, SECRET, startRelay, type RelayProcess } from '../integration/relay-harness'
import { expectNoSeriousAxeViolations } from './support/axe'
import { confirmJoin, joinConfirmation } from './support/chorus'
import { stopRelaysAndClients } from './support/relay-lifecycle'
import { relayAddress, relayHost } from './support/shared-course'

const TEAM = 'sales-enablement'

let relay: RelayProcess

test.beforeAll(async () => {
  relay = await startRelay()
})

test.afterAll(stopRelaysAndClients)

/** The web form of a team invite the relay's admin mints: `relay token --team … --invite <relay>`. */
async function mintTeamInvite(role: string, user: string, name: string, baseURL: string): Promise<string> {
  const minted = await runCli(
    [
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
      user,
      '--invite',
      relayAddress(relay),
    ],
    { CHORUS_RELAY_SECRET: SECRET },
  )
  expect(minted.code, minted.stderr).toBe(0)
  const parsed = parseJoinLink(minted.stdout.trim())
  if (!parsed.ok || parsed.value.kind !== 'team') throw new Error(`not a team invite: ${minted.stdout}`)
  return formatTeamInvite(parsed.value.invite, baseURL)
}

const teamConnection = (page: Page) => page.getByRole('status', { name: 'Connection' })

test('an expert joins a team from its invite, sees the empty board, and finds the team in the library', async ({
  browser,
  baseURL,
}) => {
  const page = await (await browser.newContext()).newPage()
  await page.goto(await mintTeamInvite('expert', 'ana-1', 'Ana Expert', baseURL ?? ''))

  // The confirmation names the relay, the team and the role before anything is saved or sent.
  const dialog = joinConfirmation(page)
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('definition').filter({ hasText: TEAM })).toBeVisible()
  await expect(dialog.getByRole('definition').filter({ hasText: /^expert: you/ })).toBeVisible()
  await expect(dialog.getByRole('definition').filter({ hasText: 'Ana Expert' })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'the team join confirmation')
  await confirmJoin(page, relayHost(relay))

  // The team screen: its name (the id until a lead names it), my role, synced, and the board with no needs.
  await expect(page).toHaveURL(new RegExp(`#/team/${TEAM}$`))
  await expect(page.getByRole('heading', { level: 1, name: TEAM })).toBeVisible()
  await expect(page.getByText('You are Ana Expert, expert')).toBeVisible()
  await expect(teamConnection(page)).toHaveText('Synced')
  await expect(page.getByRole('tab', { name: 'Needs' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel', { name: 'Needs' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Declare a need' })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'the team screen, needs board')

  // The catalog tab, by keyboard as by pointer: no course yet.
  await page.getByRole('tab', { name: 'Needs' }).press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Catalog' })).toBeFocused()
  await expect(page).toHaveURL(new RegExp(`#/team/${TEAM}/catalog$`))
  await expect(page.getByRole('tabpanel', { name: 'Catalog' })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'the team screen, catalog')

  // The library lists the team with my role and links to its board, beside the way to For me.
  await page.getByRole('link', { name: 'Library' }).click()
  const teams = page.getByRole('list', { name: 'Teams' })
  await expect(teams.getByRole('listitem')).toHaveCount(1)
  await expect(teams.getByRole('listitem')).toContainText('You are Ana Expert, expert')
  await expect(page.getByRole('link', { name: /^For me/ })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'the library with a team')
  await teams.getByRole('link', { name: TEAM }).click()
  await expect(page).toHaveURL(new RegExp(`#/team/${TEAM}$`))
  await expect(page.getByRole('button', { name: 'Declare a need' })).toBeVisible()

  // It stays joined across a reload: the row and the team space are on this device.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: TEAM })).toBeVisible()
  await expect(teamConnection(page)).toHaveText('Synced')
})
