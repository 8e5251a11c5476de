import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { LessonId } from '../../shared/course/types'
import { CloseCode } from '../../shared/protocol/close-codes'
import type { Role } from '../../shared/protocol/token'
import { createThread } from '../../shared/review/commands'
import { readThreads } from '../../shared/review/read'
import {
  connectClient,
  destroyClients,
  killRelays,
  openRaw,
  startRelay,
  storedDoc,
  tokenFor,
  waitFor,
  type RelayProcess,
} from './relay-harness'

const COURSE = 'accessCourse1'
const REVIEW = `${COURSE}/review`
let relay: RelayProcess

beforeAll(async () => {
  relay = await startRelay()
})
afterEach(() => destroyClients())
afterAll(() => killRelays())

const storedText = (room: string): string => storedDoc(relay.dataDir, room).getText('body').toString()

const expectRefused = async (
  room: string,
  token: string | null,
  status: number,
  reason: RegExp,
): Promise<void> => {
  const socket = openRaw(relay.url, room, token)
  const ended = await socket.ended
  expect(ended).toMatchObject({ status, body: expect.stringMatching(reason) })
  expect(socket.received).toHaveLength(0)
}

describe('relay access control', () => {
  it('refuses missing, malformed, forged, expired and other-course tokens at the upgrade, before any data', async () => {
    await expectRefused(COURSE, null, 401, /token missing/)
    await expectRefused(COURSE, 'not-a-jwt', 401, /malformed/)
    await expectRefused(
      COURSE,
      await tokenFor(COURSE, 'author', { secret: 'some-other-secret-which-is-also-32-chars-long' }),
      401,
      /signature/,
    )
    await expectRefused(
      COURSE,
      await tokenFor(COURSE, 'author', { nowSeconds: Math.floor(Date.now() / 1000) - 7200 }),
      401,
      /expired/,
    )
    await expectRefused(COURSE, await tokenFor('otherCourse', 'author'), 403, /another course/)
    await expectRefused(REVIEW, await tokenFor('otherCourse', 'reviewer'), 403, /another course/)
    await expectRefused('no%20such/room/x', await tokenFor('*', 'author'), 400, /room name/)
    // The relay's log lines arrive over its stdout pipe, possibly after the HTTP answer.
    await expect
      .poll(() => relay.logs.filter((line) => line.event === 'upgrade-refused').length, { timeout: 5_000 })
      .toBeGreaterThanOrEqual(7)
    expect(JSON.stringify(relay.logs)).not.toContain('not-a-jwt')
  })

  it('accepts a token for every course (*)', async () => {
    const client = connectClient(relay.url, 'anyCourse9', await tokenFor('*', 'author'))
    await client.synced()
  })

  for (const role of ['reviewer', 'viewer'] satisfies Role[]) {
    it(`sends a ${role} the content but drops their content edits: never relayed, never stored`, async () => {
      const room = `${role}Content`
      const author = connectClient(relay.url, room, await tokenFor(room, 'author'))
      await author.synced()
      author.text.insert(0, 'authored. ')
      const reader = connectClient(relay.url, room, await tokenFor(room, role, { user: `${role}-1` }))
      await reader.synced()
      await waitFor(() => reader.text.toString() === 'authored. ', 5000, `${role} to receive the document`)

      reader.text.insert(0, `${role} edit 1. `)
      reader.text.insert(0, `${role} edit 2. `)
      author.text.insert(author.text.length, 'more authored.')
      await waitFor(
        () => reader.text.toString().endsWith('more authored.'),
        5000,
        `${role} to keep receiving`,
      )
      // The author's later edit arrived after the reader's, so the reader's would have arrived by now.
      const other = connectClient(relay.url, room, await tokenFor(room, 'author'))
      await other.synced()
      expect(author.text.toString()).toBe('authored. more authored.')
      expect(other.text.toString()).toBe('authored. more authored.')
      expect(storedText(room)).toBe('authored. more authored.')
      const dropsIn = () => relay.logs.filter((line) => line.event === 'write-dropped' && line.room === room)
      await expect.poll(() => dropsIn().length, { timeout: 5_000 }).toBe(1)
      const drops = dropsIn()
      expect(drops[0]).toMatchObject({ role, user: `${role}-1` })
    })
  }

  it('lets a reviewer write the review room; a viewer there is read-only', async () => {
    const author = connectClient(relay.url, REVIEW, await tokenFor(COURSE, 'author'))
    const reviewer = connectClient(relay.url, REVIEW, await tokenFor(COURSE, 'reviewer'))
    const viewer = connectClient(
      relay.url,
      REVIEW,
      await tokenFor(COURSE, 'viewer', { user: 'viewer-review' }),
    )
    await Promise.all([author.synced(), reviewer.synced(), viewer.synced()])
    // Review rooms hold comments in the review document's shape (the relay refuses anything else there).
    const comment = (doc: Y.Doc, id: string, body: string) =>
      createThread(doc, {
        lessonId: 'lesson-1' as LessonId,
        anchor: { start: { tname: 'body' }, end: { tname: 'body' } },
        quote: '',
        author: { id, name: id },
        body,
        mentions: [],
      })
    const bodies = (doc: Y.Doc): string[] =>
      readThreads(doc).flatMap((thread) => thread.comments.map((entry) => entry.body))
    comment(viewer.doc, 'viewer-review', 'viewer comment.')
    comment(reviewer.doc, 'reviewer-user', 'reviewer comment.')
    await waitFor(
      () => bodies(author.doc).join() === 'reviewer comment.',
      5000,
      'the reviewer comment to reach the author',
    )
    await waitFor(
      () => bodies(viewer.doc).includes('reviewer comment.'),
      5000,
      'the viewer to receive comments',
    )
    expect(bodies(storedDoc(relay.dataDir, REVIEW))).toEqual(['reviewer comment.'])
    await expect
      .poll(() => relay.logs.filter((line) => line.event === 'write-dropped' && line.room === REVIEW), {
        timeout: 5_000,
      })
      .toMatchObject([{ role: 'viewer' }])
  })

  it('sends presence from every role', async () => {
    const author = connectClient(relay.url, COURSE, await tokenFor(COURSE, 'author'))
    const viewer = connectClient(relay.url, COURSE, await tokenFor(COURSE, 'viewer'))
    viewer.provider.awareness.setLocalStateField('lessonId', 'lesson-of-vera')
    await waitFor(
      () =>
        [...author.provider.awareness.getStates().values()].some(
          (state) => state.lessonId === 'lesson-of-vera',
        ),
      5000,
      'presence',
    )
  })

  it('closes with the protocol-mismatch code when a client asks for another protocol version', async () => {
    const socket = openRaw(relay.url, `${COURSE}?protocol=2&token=${await tokenFor(COURSE, 'author')}`, null)
    expect(await socket.ended).toMatchObject({
      code: CloseCode.ProtocolMismatch,
      reason: expect.stringContaining('update the relay'),
    })
    expect(socket.received).toHaveLength(0)
  })
})
