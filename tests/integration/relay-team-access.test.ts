/**
 * Team tokens on the real relay (issue 12): who opens a team's space, and which team courses each team role opens
 * and how (the course→team registry, registration on first contact, publication read from the team's space),
 * on the built bundle with SQLite, then the registry's race on a real, throwaway PostgreSQL shared by two relays.
 * The command line's `token --team` is tested as an operator runs it.
 */
import { jwtVerify } from 'jose'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CourseId } from '../../shared/course/types'
import { CloseCode } from '../../shared/protocol/close-codes'
import { parseJoinLink } from '../../shared/protocol/invite'
import { mediaMissingUrl } from '../../shared/protocol/media'
import { teamRoomName } from '../../shared/protocol/rooms'
import type { TeamRole } from '../../shared/protocol/token'
import { courseStateOf } from '../../shared/team/read'
import { registerTeamCourse, setCourseState } from '../../shared/team/team-doc'
import type { TeamActor, TeamId } from '../../shared/team/types'
import { NOT_TEAMS_COURSE } from '../../relay-server/src/access'
import { mintToken } from '../../relay-server/src/auth'
import { openPostgres, type Postgres } from '../../relay-server/src/postgres/connect'
import { openPostgresCourseTeamRegistry } from '../../relay-server/src/postgres/course-team-registry'
import { startPostgres, type RealServer } from './real-servers'
import {
  connectClient,
  destroyClients,
  killRelays,
  openRaw,
  runCli,
  SECRET,
  startRelay,
  storedDoc,
  tempDir,
  tokenFor,
  waitFor,
  type RelayProcess,
} from './relay-harness'

const TEAM_A = 'teamAlpha' as TeamId
const TEAM_B = 'teamBravo' as TeamId

const actor = (team: TeamId, role: TeamRole, n = 1): TeamActor => ({
  id: `${team}-${role}-${n}`,
  name: `${role} ${n} of ${team}`,
  role,
})

/** A team token for `actor`, signed with the relay's secret, as `token --team` mints it. */
const teamToken = (team: TeamId, person: TeamActor): Promise<string> =>
  mintToken(SECRET, { user: person.id, name: person.name, team, role: person.role, ttlSeconds: 3600 })

type Ended = Awaited<ReturnType<typeof openRaw>['ended']>

/** Connects a bare socket and reports whether the upgrade succeeded, or how it was refused. */
const tryOpen = async (url: string, room: string, token: string): Promise<'open' | Ended> => {
  const socket = openRaw(url, room, token)
  return Promise.race([socket.opened.then(() => 'open' as const), socket.ended])
}

/**
 * The refusal of a course that is not the token's team's: one text whether another team holds it, it exists outside
 * any team or nobody registered it, so a refusal tells nothing about a course the token cannot open.
 */
const NOT_TEAMS = new RegExp(`^${NOT_TEAMS_COURSE.replace(/[.*+?^$(){}|[\]\\]/g, '\\$&')}\\n?$`)

const expectRefused = async (
  relay: RelayProcess,
  room: string,
  token: string,
  reason: RegExp,
  status = 403,
): Promise<void> => {
  const socket = openRaw(relay.url, room, token)
  expect(await socket.ended).toMatchObject({ status, body: expect.stringMatching(reason) })
  expect(socket.received).toHaveLength(0)
}

/** The media route's status for `token` on `course`: the same access as the course's rooms. */
const mediaStatus = async (relay: RelayProcess, course: string, token: string): Promise<number> => {
  const response = await fetch(mediaMissingUrl(relay.url, course as CourseId, token), {
    method: 'POST',
    body: '[]',
  })
  await response.arrayBuffer()
  return response.status
}

afterEach(() => destroyClients())
afterAll(() => killRelays())

describe('team tokens on a relay with SQLite', () => {
  let relay: RelayProcess
  beforeAll(async () => {
    relay = await startRelay()
  })

  it('opens a team space to every role of that team, and to no course token or other team', async () => {
    const space = teamRoomName(TEAM_A)
    for (const role of ['member', 'expert', 'lead'] satisfies TeamRole[]) {
      const client = connectClient(relay.url, space, await teamToken(TEAM_A, actor(TEAM_A, role)))
      await client.synced()
    }
    await expectRefused(
      relay,
      space,
      await tokenFor('*', 'author'),
      /course token does not open a team space/,
    )
    await expectRefused(relay, space, await teamToken(TEAM_B, actor(TEAM_B, 'lead')), /another team/)
  })

  it('lets an expert register and write a new course; a member reads it only once a lead publishes it', async () => {
    const course = 'teamCourseOne' as CourseId
    const expert = actor(TEAM_A, 'expert')
    const lead = actor(TEAM_A, 'lead')
    const member = actor(TEAM_A, 'member')
    const writer = connectClient(relay.url, course, await teamToken(TEAM_A, expert))
    await writer.synced()
    writer.text.insert(0, 'written by the expert')
    await relay.waitForLog(
      (line) => line.event === 'course-registered' && line.course === course && line.team === TEAM_A,
    )
    await waitFor(
      () => storedDoc(relay.dataDir, course).getText('body').toString() === 'written by the expert',
    )
    // A lead of the team writes it too, as an author.
    const leadClient = connectClient(relay.url, course, await teamToken(TEAM_A, lead))
    await leadClient.synced()
    await waitFor(() => leadClient.text.toString() === 'written by the expert', 5_000, 'the lead to read it')

    const memberToken = await teamToken(TEAM_A, member)
    await expectRefused(relay, course, memberToken, /not published yet/)
    await expectRefused(relay, `${course}/feedback`, memberToken, /not published yet/)
    expect(await mediaStatus(relay, course, memberToken)).toBe(403)
    expect(await mediaStatus(relay, course, await teamToken(TEAM_A, expert))).toBe(200)

    // The lead publishes the course in the team's space; the expert's client there shows it arrived.
    const leadSpace = connectClient(relay.url, teamRoomName(TEAM_A), await teamToken(TEAM_A, lead))
    const expertSpace = connectClient(relay.url, teamRoomName(TEAM_A), await teamToken(TEAM_A, expert))
    await Promise.all([leadSpace.synced(), expertSpace.synced()])
    registerTeamCourse(leadSpace.doc, lead, { courseId: course, title: 'Team course one', needId: null })
    setCourseState(leadSpace.doc, lead, course, 'published')
    await waitFor(
      () => courseStateOf(expertSpace.doc, course) === 'published',
      5_000,
      'the publication to reach the relay',
    )

    const reader = connectClient(relay.url, course, memberToken)
    await reader.synced()
    await waitFor(() => reader.text.toString() === 'written by the expert', 5_000, 'the member to read it')
    expect(await mediaStatus(relay, course, memberToken)).toBe(200)
    // As a learner: the feedback room opens, the review room does not, and content writes are dropped.
    await connectClient(relay.url, `${course}/feedback`, memberToken).synced()
    await expectRefused(relay, `${course}/review`, memberToken, /learner token does not open review/)
    reader.text.insert(0, 'member edit. ')
    writer.text.insert(writer.text.length, ', then more')
    await waitFor(() => reader.text.toString().endsWith(', then more'), 5_000, 'the member to keep reading')
    await expect
      .poll(() => relay.logs.filter((line) => line.event === 'write-dropped' && line.room === course))
      .toEqual([expect.objectContaining({ role: 'learner', user: member.id })])
    expect(storedDoc(relay.dataDir, course).getText('body').toString()).toBe(
      'written by the expert, then more',
    )

    // Another team's tokens never open it; a course token still does.
    await expectRefused(relay, course, await teamToken(TEAM_B, actor(TEAM_B, 'expert')), NOT_TEAMS)
    await expectRefused(relay, course, await teamToken(TEAM_B, actor(TEAM_B, 'member')), NOT_TEAMS)
    expect(await mediaStatus(relay, course, await teamToken(TEAM_B, actor(TEAM_B, 'lead')))).toBe(403)
    const invited = connectClient(relay.url, course, await tokenFor(course, 'viewer', { user: 'outsider' }))
    await invited.synced()
    await waitFor(() => invited.text.toString().startsWith('written by the expert'), 5_000, 'the viewer')
  })

  it('never lets a team token take over a course that exists outside any team', async () => {
    const course = 'plainCourseOne'
    const author = connectClient(relay.url, course, await tokenFor(course, 'author'))
    await author.synced()
    author.text.insert(0, 'not a team course')
    await waitFor(() => storedDoc(relay.dataDir, course).getText('body').toString() !== '')
    for (const role of ['expert', 'lead', 'member'] satisfies TeamRole[])
      await expectRefused(relay, course, await teamToken(TEAM_A, actor(TEAM_A, role)), NOT_TEAMS)
    // The answer is the same for every reason; the relay's log says which it was.
    await expect
      .poll(() =>
        relay.logs
          .filter((line) => line.event === 'team-course-refused' && line.course === course)
          .map((line) => [line.role, line.why]),
      )
      .toEqual([
        ['expert', 'outside-any-team'],
        ['lead', 'outside-any-team'],
        ['member', 'unregistered'],
      ])
    // A course whose only trace is in a sub-room counts as existing too.
    const reviewed = 'plainCourseTwo'
    const reviewer = connectClient(relay.url, `${reviewed}/history`, await tokenFor(reviewed, 'author'))
    await reviewer.synced()
    reviewer.doc.getMap('versions').set('v1', 'kept')
    await waitFor(() => storedDoc(relay.dataDir, `${reviewed}/history`).getMap('versions').size === 1)
    await expectRefused(relay, reviewed, await teamToken(TEAM_A, actor(TEAM_A, 'expert')), NOT_TEAMS)
  })

  it('registers a new course to exactly one of two teams whose experts open it at once', async () => {
    const [a, b] = await Promise.all([
      teamToken(TEAM_A, actor(TEAM_A, 'expert')),
      teamToken(TEAM_B, actor(TEAM_B, 'expert')),
    ])
    // Several races side by side, so their steps interleave as they would under load.
    const races = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        Promise.all([tryOpen(relay.url, `racedCourse${n}`, a), tryOpen(relay.url, `racedCourse${n}`, b)]),
      ),
    )
    for (const outcomes of races) {
      expect(outcomes.filter((outcome) => outcome === 'open')).toHaveLength(1)
      expect(outcomes.find((outcome) => outcome !== 'open')).toMatchObject({
        status: 403,
        body: expect.stringMatching(NOT_TEAMS),
      })
    }

    const shared = 'sharedNewCourse'
    const [first, second] = await Promise.all([
      teamToken(TEAM_A, actor(TEAM_A, 'expert', 1)),
      teamToken(TEAM_A, actor(TEAM_A, 'expert', 2)),
    ])
    await expect(
      Promise.all([tryOpen(relay.url, shared, first), tryOpen(relay.url, shared, second)]),
    ).resolves.toEqual(['open', 'open'])
  })

  it('closes a team token’s connections when the token is revoked', async () => {
    const token = await teamToken(TEAM_A, actor(TEAM_A, 'member', 7))
    const socket = openRaw(relay.url, teamRoomName(TEAM_A), token)
    await socket.opened
    const revoked = await runCli(
      ['revoke', '--data', relay.dataDir, '--sub', actor(TEAM_A, 'member', 7).id],
      {
        CHORUS_RELAY_SECRET: SECRET,
      },
    )
    expect(revoked.code, revoked.stderr).toBe(0)
    expect(await socket.ended).toMatchObject({ code: CloseCode.TokenRevoked })
  }, 15_000)
})

describe('relay token --team', () => {
  it('mints a team invite the app parses, recorded in the registry and revocable on its own', async () => {
    const data = tempDir()
    const env = { CHORUS_RELAY_SECRET: SECRET }
    const minted = await runCli(
      [
        'token',
        '--team',
        'salesTeam',
        '--role',
        'expert',
        '--name',
        'Ada',
        '--user',
        'ada',
        '--invite',
        'ws://relay.example.org:8080/',
        '--data',
        data,
      ],
      env,
    )
    expect({ code: minted.code, stderr: minted.stderr }).toEqual({ code: 0, stderr: '' })
    const link = parseJoinLink(minted.stdout)
    expect(link).toMatchObject({
      ok: true,
      value: { kind: 'team', invite: { relay: 'ws://relay.example.org:8080', teamId: 'salesTeam' } },
    })
    if (!link.ok) return
    const { payload } = await jwtVerify(link.value.invite.token, new TextEncoder().encode(SECRET))
    expect(payload).toMatchObject({ sub: 'ada', name: 'Ada', team: 'salesTeam', role: 'expert' })
    expect(payload).not.toHaveProperty('course')

    const listed = await runCli(['tokens', '--data', data], env)
    expect(listed.stdout).toMatch(
      new RegExp(`${String(payload.jti)}\\s+ada\\s+Ada\\s+team:salesTeam\\s+expert`),
    )
    const revoked = await runCli(['revoke', '--data', data, '--token', link.value.invite.token], env)
    expect(revoked.code, revoked.stderr).toBe(0)
    expect(revoked.stdout).toContain(`Revoked token ${String(payload.jti)}`)
    expect(revoked.stdout).toMatch(/team:salesTeam\s+expert.*revoked/)
  })

  it('refuses --course with --team, and roles of the other kind', async () => {
    const env = { CHORUS_RELAY_SECRET: SECRET }
    const base = ['--name', 'N', '--data', tempDir()]
    const [both, teamAuthor, courseLead, badTeam] = await Promise.all([
      runCli(['token', '--course', 'c1', '--team', 't1', '--role', 'expert', ...base], env),
      runCli(['token', '--team', 't1', '--role', 'author', ...base], env),
      runCli(['token', '--course', 'c1', '--role', 'lead', ...base], env),
      runCli(['token', '--team', 'team:t1', '--role', 'lead', ...base], env),
    ])
    expect(both).toMatchObject({ code: 2, stdout: '' })
    expect(both.stderr).toContain('not both')
    expect(teamAuthor.stderr).toContain('--role must be one of member, expert, lead with --team')
    expect(courseLead.stderr).toContain(
      '--role must be one of author, reviewer, viewer, learner with --course',
    )
    expect(badTeam.stderr).toContain('--team must be a team id')
    expect(await runCli(['token', '--help'], {})).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--team ID --role member|expert|lead'),
    })
  })
})

describe('the course→team registry on PostgreSQL', () => {
  let postgres: RealServer
  const pools: Postgres[] = []
  beforeAll(async () => {
    postgres = await startPostgres()
  }, 60_000)
  afterAll(async () => {
    await killRelays()
    await Promise.all(pools.map((pool) => pool.end()))
    await postgres?.dispose()
  })

  it('settles concurrent claims from separate pools on one team, which every caller reads', async () => {
    const registries = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const pool = await openPostgres(postgres.url, () => {})
        pools.push(pool)
        return openPostgresCourseTeamRegistry(pool)
      }),
    )
    const course = 'pgClaimed' as CourseId
    const teams = ['t1', 't2', 't3', 't4'] as TeamId[]
    const owners = await Promise.all(
      registries.map((registry, i) => registry.claim(course, teams[i] ?? TEAM_A)),
    )
    expect(new Set(owners).size).toBe(1)
    expect(teams).toContain(owners[0])
    await expect(registries[3]?.teamOf(course)).resolves.toBe(owners[0])
    await expect(registries[0]?.teamOf('pgNobodys' as CourseId)).resolves.toBeNull()
  })

  it('lets exactly one team in when experts of two teams open a new course on two relays at once', async () => {
    const relays = await Promise.all([1, 2].map(() => startRelay({ args: ['--postgres', postgres.url] })))
    const [one, two] = relays as [RelayProcess, RelayProcess]
    const course = 'pgRacedCourse'
    const [a, b] = await Promise.all([
      teamToken(TEAM_A, actor(TEAM_A, 'expert')),
      teamToken(TEAM_B, actor(TEAM_B, 'lead')),
    ])
    const outcomes = await Promise.all([tryOpen(one.url, course, a), tryOpen(two.url, course, b)])
    expect(outcomes.filter((outcome) => outcome === 'open')).toHaveLength(1)
    expect(outcomes.find((outcome) => outcome !== 'open')).toMatchObject({
      status: 403,
      body: expect.stringMatching(NOT_TEAMS),
    })
    // Both relays agree afterwards: the winner's team opens it on either, the other team on neither.
    const winner = outcomes[0] === 'open' ? TEAM_A : TEAM_B
    const loser = winner === TEAM_A ? TEAM_B : TEAM_A
    for (const relay of relays) {
      expect(await tryOpen(relay.url, course, await teamToken(winner, actor(winner, 'expert', 2)))).toBe(
        'open',
      )
      expect(
        await tryOpen(relay.url, course, await teamToken(loser, actor(loser, 'expert', 2))),
      ).toMatchObject({
        status: 403,
      })
    }
  }, 60_000)
})
