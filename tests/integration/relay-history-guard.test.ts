/**
 * Saved versions on the real relay process: authors take versions in `<courseId>/history`, which every author
 * receives; an author whose update deletes or rewrites a saved version, or claims another person's client id, is
 * closed with 4403, and the relay keeps the versions as they were, also after a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { doc, p } from '../fixtures/content'
import { buildCourseDoc } from '../fixtures/course-builder'
import type { CourseId } from '../../shared/course/types'
import {
  HISTORY_ROOT,
  listVersions,
  openVersion,
  registerWriter,
  takeVersion,
} from '../../shared/history/history-doc'
import type { Person } from '../../shared/history/types'
import { CloseCode } from '../../shared/protocol/close-codes'
import { encodeUpdate } from '../../shared/protocol/codec'
import { roomName } from '../../shared/protocol/rooms'
import {
  endOf,
  forged,
  connectClient,
  destroyClients,
  killRelays,
  openRaw,
  startRelay,
  storedDoc,
  tokenFor,
  waitFor,
  type Client,
  type RelayProcess,
} from './relay-harness'

let relay: RelayProcess
beforeAll(async () => {
  relay = await startRelay()
})
afterEach(() => destroyClients())
afterAll(() => killRelays())

const ANN: Person = { id: 'author-ann', name: 'Ann' }
const BEN: Person = { id: 'author-ben', name: 'Ben' }

const course = (): Y.Doc =>
  buildCourseDoc({
    title: 'Invoicing',
    sections: [{ title: 'Basics', lessons: [{ title: 'Customers', body: doc(p('Every invoice.')) }] }],
  })

const authorToken = (courseId: CourseId, person: Person): Promise<string> =>
  tokenFor(courseId, 'author', { user: person.id, name: person.name })

const joinHistory = async (courseId: CourseId, person: Person): Promise<Client> => {
  const client = connectClient(
    relay.url,
    roomName({ courseId, kind: 'history' }),
    await authorToken(courseId, person),
  )
  await client.synced()
  return client
}

describe('saved versions on the relay', () => {
  it('refuses an author’s update that deletes or rewrites a saved version, and keeps it across a restart', async () => {
    const courseId = 'historyGuard1' as CourseId
    const historyRoom = roomName({ courseId, kind: 'history' })
    const ann = await joinHistory(courseId, ANN)
    const ben = await joinHistory(courseId, BEN)
    registerWriter(ann.doc, 11, ANN)
    const first = takeVersion(ann.doc, course(), { name: 'Sent to Legal', reason: 'named', by: ANN })
    await waitFor(() => listVersions(ben.doc).length === 1, 10_000, 'Ann’s version to reach Ben')
    // Ben's own version is accepted as usual.
    registerWriter(ben.doc, 22, BEN)
    takeVersion(ben.doc, course(), { reason: 'hourly', by: BEN })
    await waitFor(() => listVersions(ann.doc).length === 2, 10_000, 'Ben’s version to reach Ann')

    const [part] = [...ben.doc.getMap(HISTORY_ROOT.parts).keys()].filter((key) => key.startsWith(first.id))
    if (part === undefined) throw new Error('Ann’s version has no state part')
    const benToken = await authorToken(courseId, BEN)
    const attacks: [string, Uint8Array][] = [
      ['delete the version', forged(ben.doc, (copy) => copy.getMap(HISTORY_ROOT.versions).delete(first.id))],
      [
        'rename the version',
        forged(ben.doc, (copy) => {
          const versions = copy.getMap(HISTORY_ROOT.versions)
          versions.set(first.id, { ...(versions.get(first.id) as object), name: 'Nothing to see' })
        }),
      ],
      [
        'replace its state',
        forged(ben.doc, (copy) => copy.getMap(HISTORY_ROOT.parts).set(part, new Uint8Array([1]))),
      ],
      ['claim Ann’s client id', forged(ben.doc, (copy) => registerWriter(copy, 11, BEN))],
      [
        'overwrite it from a client that never saw it (deleting nothing)',
        (() => {
          const stranger = new Y.Doc()
          stranger.getMap(HISTORY_ROOT.versions).set(first.id, { forged: true })
          return Y.encodeStateAsUpdate(stranger)
        })(),
      ],
    ]
    for (const [what, update] of attacks) {
      const socket = openRaw(relay.url, historyRoom, benToken)
      await socket.opened
      socket.ws.send(encodeUpdate(update))
      expect(await endOf(socket), what).toMatchObject({ code: CloseCode.ChangeNotAllowed })
    }
    const refusal = await relay.waitForLog(
      (line) => line.event === 'change-refused' && line.room === historyRoom,
    )
    expect(refusal).toMatchObject({ user: BEN.id, role: 'author' })

    // A fresh client reads both versions as they were taken, Ann's with its state.
    const fresh = await joinHistory(courseId, { id: 'author-cy', name: 'Cy' })
    expect(listVersions(fresh.doc).map((version) => version.name)).toEqual(['', 'Sent to Legal'])
    expect(openVersion(fresh.doc, first.id)).not.toBeNull()
    const expected = listVersions(fresh.doc)

    destroyClients()
    expect(await relay.stop()).toBe(0)
    relay = await startRelay({ dataDir: relay.dataDir })
    expect(listVersions(storedDoc(relay.dataDir, historyRoom))).toEqual(expected)
  })
})
