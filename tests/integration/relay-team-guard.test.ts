/**
 * A team's space on the real relay process: team tokens (a `team` claim and a team role) open the room
 * `team:<teamId>`, and every update there is judged by the team guard (shared/team/change-guard.ts). Members
 * declare needs and vote, experts claim, a lead merges, archives, assigns and publishes, and each sees the others'
 * changes; a member who claims a need, marks it published, removes another's vote or writes in another's name is
 * closed with 4403, and nothing of it reaches anyone else or the relay's store.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { mintToken } from '../../relay-server/src/auth'
import type { CourseId } from '../../shared/course/types'
import { CloseCode } from '../../shared/protocol/close-codes'
import { encodeUpdate } from '../../shared/protocol/codec'
import { teamRoomName } from '../../shared/protocol/rooms'
import { entryKey, type TeamKey } from '../../shared/team/entries'
import { courseStateOf, readTeam } from '../../shared/team/read'
import {
  TEAM_ROOT,
  declareNeed,
  mergeNeed,
  postToNeed,
  registerTeamCourse,
  setClaim,
  setCourseState,
  setNeedStatus,
  setVote,
} from '../../shared/team/team-doc'
import type { NeedFields, NeedId, NeedSnapshot, TeamActor, TeamId } from '../../shared/team/types'
import {
  endOf,
  forged,
  connectClient,
  destroyClients,
  killRelays,
  openRaw,
  SECRET,
  startRelay,
  storedDoc,
  waitFor,
  type Client,
  type LogLine,
  type RelayProcess,
} from './relay-harness'

let relay: RelayProcess
beforeAll(async () => {
  relay = await startRelay()
})
afterEach(() => destroyClients())
afterAll(() => killRelays())

const ANN: TeamActor = { id: 'team-ann', name: 'Ann Member', role: 'member' }
const BEN: TeamActor = { id: 'team-ben', name: 'Ben Member', role: 'member' }
const EVE: TeamActor = { id: 'team-eve', name: 'Eve Expert', role: 'expert' }
const XAV: TeamActor = { id: 'team-xav', name: 'Xav Expert', role: 'expert' }
const LEA: TeamActor = { id: 'team-lea', name: 'Lea Lead', role: 'lead' }

const FIELDS: NeedFields = {
  title: 'Negotiating renewals',
  outcome: 'Hold a renewal call without discounting first.',
  audience: 'Account managers',
  urgency: 'now',
  due: null,
  context: '',
  links: [],
}

/** A team token, as `npm run relay -- token --team … --role … --name …` mints it. */
const teamToken = (teamId: TeamId, actor: TeamActor): Promise<string> =>
  mintToken(SECRET, { user: actor.id, name: actor.name, team: teamId, role: actor.role, ttlSeconds: 3600 })

const joinTeam = async (teamId: TeamId, actor: TeamActor): Promise<Client> => {
  const client = connectClient(relay.url, teamRoomName(teamId), await teamToken(teamId, actor))
  await client.synced()
  return client
}

const needOf = (doc: Y.Doc, teamId: TeamId, needId: NeedId): NeedSnapshot | undefined =>
  readTeam(doc, teamId).needs.find((need) => need.id === needId)

const put = (key: TeamKey, value: unknown) => (doc: Y.Doc) => doc.getMap(TEAM_ROOT).set(entryKey(key), value)

/** Sends `update` from a raw socket holding `actor`'s team token and resolves with how the relay ended it. */
const sendAs = async (teamId: TeamId, actor: TeamActor, update: Uint8Array) => {
  const socket = openRaw(relay.url, teamRoomName(teamId), await teamToken(teamId, actor))
  await socket.opened
  socket.ws.send(encodeUpdate(update))
  return endOf(socket)
}

const refused = { code: CloseCode.ChangeNotAllowed }

describe('a team space on the relay', () => {
  it('relays a member’s need and another member’s vote to everyone, and stores them', async () => {
    const teamId = 'guardTeam1' as TeamId
    const ann = await joinTeam(teamId, ANN)
    const ben = await joinTeam(teamId, BEN)
    const needId = declareNeed(ann.doc, ANN, FIELDS)
    await waitFor(() => needOf(ben.doc, teamId, needId) !== undefined, 10_000, 'Ann’s need to reach Ben')
    setVote(ben.doc, BEN, needId, true)
    postToNeed(ben.doc, BEN, needId, 'Me too, @Ann Member', [ANN.id])
    await waitFor(
      () => needOf(ann.doc, teamId, needId)?.posts.length === 1,
      10_000,
      'Ben’s vote and post to reach Ann',
    )
    expect(needOf(ann.doc, teamId, needId)).toMatchObject({
      title: FIELDS.title,
      declaredBy: { id: ANN.id, name: ANN.name },
      status: 'open',
      voters: [{ id: BEN.id, name: BEN.name }],
    })
    const stored = readTeam(storedDoc(relay.dataDir, teamRoomName(teamId)), teamId)
    expect(stored.needs).toEqual(readTeam(ann.doc, teamId).needs)
    expect(
      relay.logs.filter(({ event, room }) => event === 'change-refused' && room === teamRoomName(teamId)),
    ).toEqual([])
  })

  it('closes a member who claims a need or marks it published with 4403, and relays none of it', async () => {
    const teamId = 'guardTeam2' as TeamId
    const ann = await joinTeam(teamId, ANN)
    const ben = await joinTeam(teamId, BEN)
    const needId = declareNeed(ann.doc, ANN, FIELDS)
    await waitFor(() => needOf(ben.doc, teamId, needId) !== undefined, 10_000, 'Ann’s need to reach Ben')

    const annPerson = { id: ANN.id, name: ANN.name }
    const claim = forged(
      ann.doc,
      put({ kind: 'claim', needId, expertId: ANN.id }, { expert: annPerson, by: annPerson, at: 1 }),
    )
    expect(await sendAs(teamId, ANN, claim)).toMatchObject(refused)
    const published = forged(
      ann.doc,
      put({ kind: 'status', needId, epoch: 0, status: 'published' }, { by: annPerson, at: 1 }),
    )
    expect(await sendAs(teamId, ANN, published)).toMatchObject(refused)
    // A stock client making the same change is closed the same way.
    const closed = new Promise<number>((done) =>
      ann.provider.on('connection-close', (event: { code?: number } | null) => done(event?.code ?? 0)),
    )
    put({ kind: 'status', needId, epoch: 0, status: 'published' }, { by: annPerson, at: 2 })(ann.doc)
    expect(await closed).toBe(CloseCode.ChangeNotAllowed)
    const refusal = await relay.waitForLog(
      (line) => line.event === 'change-refused' && line.room === teamRoomName(teamId),
    )
    expect(refusal).toMatchObject({ user: ANN.id, role: 'member' })

    // Ben's later vote arrives, so the refused changes would have by now; nobody else has them.
    setVote(ben.doc, BEN, needId, true)
    const eve = await joinTeam(teamId, EVE)
    await waitFor(
      () => needOf(eve.doc, teamId, needId)?.voters.length === 1,
      10_000,
      'Ben’s vote to reach Eve',
    )
    for (const doc of [ben.doc, eve.doc, storedDoc(relay.dataDir, teamRoomName(teamId))])
      expect(needOf(doc, teamId, needId)).toMatchObject({ status: 'open', claims: [] })
  })

  it('lets an expert claim and a lead merge, archive, assign and publish', async () => {
    const teamId = 'guardTeam3' as TeamId
    const ann = await joinTeam(teamId, ANN)
    const ben = await joinTeam(teamId, BEN)
    const eve = await joinTeam(teamId, EVE)
    const lea = await joinTeam(teamId, LEA)
    const needId = declareNeed(ann.doc, ANN, FIELDS)
    const duplicate = declareNeed(ben.doc, BEN, { ...FIELDS, title: 'Renewal calls' })
    const stale = declareNeed(ben.doc, BEN, { ...FIELDS, title: 'Fax etiquette' })
    await waitFor(
      () => readTeam(eve.doc, teamId).needs.length === 3 && readTeam(lea.doc, teamId).needs.length === 3,
      10_000,
      'the needs to reach the expert and the lead',
    )

    setClaim(eve.doc, EVE, needId, { id: EVE.id, name: EVE.name }, true)
    await waitFor(
      () => needOf(ann.doc, teamId, needId)?.status === 'claimed',
      10_000,
      'Eve’s claim to reach Ann',
    )
    expect(needOf(ann.doc, teamId, needId)?.claims.map(({ expert }) => expert.id)).toEqual([EVE.id])

    mergeNeed(lea.doc, LEA, duplicate, needId)
    setNeedStatus(lea.doc, LEA, stale, 'archived')
    setClaim(lea.doc, LEA, needId, { id: XAV.id, name: XAV.name }, true)
    const courseId = 'guardCourse3' as CourseId
    registerTeamCourse(eve.doc, EVE, { courseId, title: 'Renewals', needId })
    await waitFor(() => courseStateOf(lea.doc, courseId) === 'draft', 10_000, 'Eve’s course to reach Lea')
    setCourseState(lea.doc, LEA, courseId, 'published')
    await waitFor(
      () => needOf(ann.doc, teamId, needId)?.status === 'published',
      10_000,
      'the lead’s changes to reach Ann',
    )
    const seen = readTeam(ann.doc, teamId)
    expect(needOf(ann.doc, teamId, duplicate)?.mergedInto).toBe(needId)
    expect(needOf(ann.doc, teamId, stale)?.status).toBe('archived')
    expect(
      needOf(ann.doc, teamId, needId)
        ?.claims.map(({ expert }) => expert.id)
        .sort(),
    ).toEqual([EVE.id, XAV.id])
    expect(seen.courses.map(({ id, state }) => ({ id, state }))).toEqual([
      { id: courseId, state: 'published' },
    ])
    expect(readTeam(storedDoc(relay.dataDir, teamRoomName(teamId)), teamId)).toEqual(seen)

    // An expert may not publish a course, nor take one out of publication.
    const published = { kind: 'published', courseId } as const
    const unpublish = forged(eve.doc, (doc) => doc.getMap(TEAM_ROOT).delete(entryKey(published)))
    expect(await sendAs(teamId, EVE, unpublish)).toMatchObject(refused)
    const otherCourse = 'guardCourse3b' as CourseId
    registerTeamCourse(eve.doc, EVE, { courseId: otherCourse, title: 'Pricing', needId: null })
    await waitFor(
      () => courseStateOf(lea.doc, otherCourse) === 'draft',
      10_000,
      'Eve’s second course to reach Lea',
    )
    const publish = forged(
      eve.doc,
      put({ kind: 'published', courseId: otherCourse }, { by: { id: EVE.id, name: EVE.name }, at: 1 }),
    )
    expect(await sendAs(teamId, EVE, publish)).toMatchObject(refused)
    const stored = storedDoc(relay.dataDir, teamRoomName(teamId))
    expect([courseStateOf(stored, courseId), courseStateOf(stored, otherCourse)]).toEqual([
      'published',
      'draft',
    ])
    const isRefusal = (line: LogLine): boolean =>
      line.event === 'change-refused' && line.room === teamRoomName(teamId)
    await waitFor(() => relay.logs.filter(isRefusal).length === 2, 10_000, 'both refusals to be logged')
    // Nobody else's change was refused along the way.
    expect(relay.logs.filter(isRefusal)).toEqual([
      expect.objectContaining({ user: EVE.id, role: 'expert' }),
      expect.objectContaining({ user: EVE.id, role: 'expert' }),
    ])
  })

  it('takes an expert’s offline draft/review moves while a lead publishes the course, which stays published', async () => {
    const teamId = 'guardTeam6' as TeamId
    const ann = await joinTeam(teamId, ANN)
    const eve = await joinTeam(teamId, EVE)
    const lea = await joinTeam(teamId, LEA)
    const needId = declareNeed(ann.doc, ANN, FIELDS)
    await waitFor(() => needOf(eve.doc, teamId, needId) !== undefined, 10_000, 'Ann’s need to reach Eve')
    const courseId = 'guardCourse6' as CourseId
    registerTeamCourse(eve.doc, EVE, { courseId, title: 'Renewals', needId })
    await waitFor(() => courseStateOf(lea.doc, courseId) === 'draft', 10_000, 'Eve’s course to reach Lea')

    // Eve goes offline and moves the course to review, back to draft and to review again.
    eve.provider.disconnect()
    setCourseState(eve.doc, EVE, courseId, 'review')
    setCourseState(eve.doc, EVE, courseId, 'draft')
    setCourseState(eve.doc, EVE, courseId, 'review')
    // Meanwhile the lead publishes it.
    setCourseState(lea.doc, LEA, courseId, 'published')
    await waitFor(
      () => courseStateOf(storedDoc(relay.dataDir, teamRoomName(teamId)), courseId) === 'published',
      10_000,
      'the publication to be stored',
    )

    eve.provider.connect()
    await waitFor(
      () =>
        courseStateOf(eve.doc, courseId) === 'published' &&
        readTeam(lea.doc, teamId).needs.length === 1 &&
        JSON.stringify(readTeam(lea.doc, teamId)) === JSON.stringify(readTeam(eve.doc, teamId)),
      10_000,
      'Eve and Lea to agree after Eve reconnects',
    )
    // Eve's last move is stored too, under the publication, which stays.
    const storedState = (): unknown =>
      storedDoc(relay.dataDir, teamRoomName(teamId))
        .getMap(TEAM_ROOT)
        .get(entryKey({ kind: 'courseState', courseId }))
    await waitFor(() => storedState() !== undefined, 10_000, 'Eve’s move to be stored')
    expect(storedState()).toMatchObject({ state: 'review', by: { id: EVE.id, name: EVE.name } })
    const stored = storedDoc(relay.dataDir, teamRoomName(teamId))
    expect(courseStateOf(stored, courseId)).toBe('published')
    expect(readTeam(stored, teamId).courses).toEqual([
      expect.objectContaining({ id: courseId, state: 'published', stateBy: { id: LEA.id, name: LEA.name } }),
    ])
    expect(needOf(ann.doc, teamId, needId)?.status).toBe('published')

    // Eve keeps syncing: her next change reaches the others.
    postToNeed(eve.doc, EVE, needId, 'Reviewed and published', [])
    await waitFor(
      () => needOf(ann.doc, teamId, needId)?.posts.length === 1,
      10_000,
      'Eve’s post to reach Ann',
    )
    setCourseState(lea.doc, LEA, courseId, 'review')
    await waitFor(
      () => courseStateOf(eve.doc, courseId) === 'review',
      10_000,
      'the unpublication to reach Eve',
    )
    expect(
      relay.logs.filter(({ event, room }) => event === 'change-refused' && room === teamRoomName(teamId)),
    ).toEqual([])
  })

  it('takes a claim made offline while another expert claimed the same need online', async () => {
    const teamId = 'guardTeam5' as TeamId
    const ann = await joinTeam(teamId, ANN)
    const eve = await joinTeam(teamId, EVE)
    const xav = await joinTeam(teamId, XAV)
    const needId = declareNeed(ann.doc, ANN, FIELDS)
    await waitFor(() => needOf(xav.doc, teamId, needId) !== undefined, 10_000, 'Ann’s need to reach Xav')
    xav.provider.disconnect()
    setClaim(eve.doc, EVE, needId, { id: EVE.id, name: EVE.name }, true)
    await waitFor(
      () => needOf(ann.doc, teamId, needId)?.status === 'claimed',
      10_000,
      'Eve’s claim to reach Ann',
    )
    // Both write the move to Claimed: the same status entry, written twice.
    setClaim(xav.doc, XAV, needId, { id: XAV.id, name: XAV.name }, true)
    xav.provider.connect()
    await waitFor(
      () =>
        needOf(ann.doc, teamId, needId)?.claims.length === 2 &&
        needOf(xav.doc, teamId, needId)?.claims.length === 2,
      10_000,
      'Xav’s offline claim to reach Ann, and Eve’s to reach Xav',
    )
    expect(needOf(ann.doc, teamId, needId)?.status).toBe('claimed')
    expect(readTeam(xav.doc, teamId)).toEqual(readTeam(ann.doc, teamId))
    expect(
      relay.logs.filter(({ event, room }) => event === 'change-refused' && room === teamRoomName(teamId)),
    ).toEqual([])
  })

  it('closes a member who removes another’s vote or writes in another’s name, and keeps the vote', async () => {
    const teamId = 'guardTeam4' as TeamId
    const ann = await joinTeam(teamId, ANN)
    const ben = await joinTeam(teamId, BEN)
    const needId = declareNeed(ann.doc, ANN, FIELDS)
    const other = declareNeed(ann.doc, ANN, { ...FIELDS, title: 'Pricing basics' })
    await waitFor(() => needOf(ben.doc, teamId, other) !== undefined, 10_000, 'Ann’s needs to reach Ben')
    setVote(ben.doc, BEN, needId, true)
    await waitFor(
      () => needOf(ann.doc, teamId, needId)?.voters.length === 1,
      10_000,
      'Ben’s vote to reach Ann',
    )

    const bensVote = entryKey({ kind: 'vote', needId, userId: BEN.id })
    const benPerson = { id: BEN.id, name: BEN.name }
    const attacks: [string, Uint8Array][] = [
      ['remove Ben’s vote', forged(ann.doc, (doc) => doc.getMap(TEAM_ROOT).delete(bensVote))],
      ['vote as Ben', forged(ann.doc, (doc) => setVote(doc, BEN, other, true))],
      [
        'post as Ben',
        forged(
          ann.doc,
          put(
            { kind: 'post', needId, postId: 'forged' as never },
            { by: benPerson, text: 'Mine', mentions: [], at: 1 },
          ),
        ),
      ],
      [
        'vote under another name',
        forged(ann.doc, (doc) => setVote(doc, { ...ANN, name: 'Ben Member' }, needId, true)),
      ],
      ['declare as Ben', forged(ann.doc, (doc) => declareNeed(doc, BEN, FIELDS))],
    ]
    for (const [what, update] of attacks)
      expect(await sendAs(teamId, ANN, update), what).toMatchObject(refused)

    const cy = await joinTeam(teamId, { id: 'team-cy', name: 'Cy', role: 'member' })
    expect(needOf(cy.doc, teamId, needId)).toMatchObject({ voters: [benPerson], posts: [] })
    expect(needOf(cy.doc, teamId, other)).toMatchObject({ voters: [] })
    expect(readTeam(cy.doc, teamId).needs).toHaveLength(2)
    expect(readTeam(storedDoc(relay.dataDir, teamRoomName(teamId)), teamId)).toEqual(readTeam(cy.doc, teamId))
  })
})
