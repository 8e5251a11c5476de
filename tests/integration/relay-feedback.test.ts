/**
 * Pilot learners on the real relay process: a learner token (minted by the relay's own `token` command) opens the
 * course read-only and the course's feedback room, and nothing else; learners write their own feedback, which
 * every learner and author sees; a learner who changes or deletes another learner's entry is closed with 4403
 * and the entry stays, on the relay and after a restart; an author's feedback writes are dropped.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CourseId, LessonId } from '../../shared/course/types'
import { entryKey } from '../../shared/feedback/entries'
import {
  FEEDBACK_ROOT,
  readAllFeedback,
  readLessonFeedback,
  readQuestionAnswer,
  recordAnswer,
  setLessonFeedback,
} from '../../shared/feedback/feedback-doc'
import type { LearnerRef } from '../../shared/feedback/types'
import { CloseCode } from '../../shared/protocol/close-codes'
import { encodeUpdate } from '../../shared/protocol/codec'
import { roomName, type RoomKind } from '../../shared/protocol/rooms'
import { readTokenClaims } from '../../shared/protocol/token'
import {
  endOf,
  forged,
  connectClient,
  destroyClients,
  killRelays,
  openRaw,
  runCli,
  SECRET,
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

const ANN: LearnerRef = { id: 'learner-ann', name: 'Ann Pilot' }
const BEN: LearnerRef = { id: 'learner-ben', name: 'Ben Pilot' }
const LESSON = 'lesson-1' as LessonId

const room = (courseId: CourseId, kind: RoomKind): string => roomName({ courseId, kind })

/** A learner token as an operator mints it: `npm run relay -- token --course … --role learner --name …`. */
const learnerToken = async (courseId: CourseId, learner: LearnerRef): Promise<string> => {
  const { code, stdout, stderr } = await runCli(
    ['token', '--course', courseId, '--role', 'learner', '--name', learner.name, '--user', learner.id],
    { CHORUS_RELAY_SECRET: SECRET, CHORUS_RELAY_DATA: relay.dataDir },
  )
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  return stdout.trim()
}

const joinAs = async (courseId: CourseId, kind: RoomKind, token: string): Promise<Client> => {
  const client = connectClient(relay.url, room(courseId, kind), token)
  await client.synced()
  return client
}

describe('pilot learners on the relay', () => {
  it('mints a learner token that opens the course read-only and its feedback room, and nothing else', async () => {
    const courseId = 'feedbackAccess1' as CourseId
    const token = await learnerToken(courseId, ANN)
    expect(readTokenClaims(token)).toMatchObject({ sub: ANN.id, name: ANN.name, role: 'learner' })

    const author = await joinAs(courseId, 'content', await tokenFor(courseId, 'author'))
    author.text.insert(0, 'The lesson. ')
    const learner = await joinAs(courseId, 'content', token)
    await waitFor(
      () => learner.text.toString() === 'The lesson. ',
      5_000,
      'the learner to receive the course',
    )
    // The learner's edits to the course are dropped, as a viewer's are: never relayed, never stored.
    learner.text.insert(0, 'Learner edit. ')
    author.text.insert(author.text.length, 'More.')
    await waitFor(() => learner.text.toString().endsWith('More.'), 5_000, 'the learner to keep receiving')
    const late = await joinAs(courseId, 'content', await tokenFor(courseId, 'author'))
    expect(late.text.toString()).toBe('The lesson. More.')
    expect(storedDoc(relay.dataDir, room(courseId, 'content')).getText('body').toString()).toBe(
      'The lesson. More.',
    )
    await expect
      .poll(() => relay.logs.find((line) => line.event === 'write-dropped' && line.room === courseId), {
        timeout: 5_000,
      })
      .toMatchObject({ role: 'learner', user: ANN.id })

    await joinAs(courseId, 'feedback', token)
    for (const kind of ['review', 'history'] as const) {
      const socket = openRaw(relay.url, room(courseId, kind), token)
      expect(await socket.ended).toMatchObject({
        status: 403,
        body: expect.stringContaining(`a learner token does not open ${kind}`),
      })
      expect(socket.received).toHaveLength(0)
    }
  })

  it('lets each learner write only their own feedback, and keeps it across a restart', async () => {
    const courseId = 'feedbackGuard1' as CourseId
    const feedbackRoom = room(courseId, 'feedback')
    const annToken = await learnerToken(courseId, ANN)
    const benToken = await learnerToken(courseId, BEN)
    const ann = await joinAs(courseId, 'feedback', annToken)
    const ben = await joinAs(courseId, 'feedback', benToken)
    const author = await joinAs(courseId, 'feedback', await tokenFor(courseId, 'author'))

    setLessonFeedback(ann.doc, ANN, LESSON, { reaction: 'confusing', comment: 'Step 2 lost me.' })
    recordAnswer(ann.doc, ANN, LESSON, 'q1', false)
    recordAnswer(ann.doc, ANN, LESSON, 'q1', true)
    const annsEntry = readLessonFeedback(ann.doc, ANN.id, LESSON)
    await waitFor(
      () =>
        readLessonFeedback(ben.doc, ANN.id, LESSON)?.comment === 'Step 2 lost me.' &&
        readQuestionAnswer(author.doc, ANN.id, LESSON, 'q1')?.tries === 2,
      10_000,
      'Ann’s feedback to reach Ben and the author',
    )
    setLessonFeedback(ben.doc, BEN, LESSON, { reaction: 'helpful' })
    await waitFor(
      () => readLessonFeedback(ann.doc, BEN.id, LESSON)?.reaction === 'helpful',
      10_000,
      'Ben’s feedback to reach Ann',
    )

    // Ben's crafted updates that change, clear or delete Ann's entry, or write in her name, are refused.
    const annKey = entryKey({ kind: 'lesson', learnerId: ANN.id, lessonId: LESSON })
    const attacks: [string, Uint8Array][] = [
      ['change', forged(ben.doc, (doc) => setLessonFeedback(doc, ANN, LESSON, { reaction: 'helpful' }))],
      [
        'clear',
        forged(ben.doc, (doc) => setLessonFeedback(doc, ANN, LESSON, { reaction: null, comment: '' })),
      ],
      ['delete', forged(ben.doc, (doc) => doc.getMap(FEEDBACK_ROOT).delete(annKey))],
      ['new entry in her name', forged(ben.doc, (doc) => recordAnswer(doc, ANN, LESSON, 'q2', true))],
    ]
    for (const [what, update] of attacks) {
      const socket = openRaw(relay.url, feedbackRoom, benToken)
      await socket.opened
      socket.ws.send(encodeUpdate(update))
      expect(await endOf(socket), what).toMatchObject({ code: CloseCode.ChangeNotAllowed })
    }
    // A stock client making the same change is closed the same way.
    const closed = new Promise<number>((done) =>
      ben.provider.on('connection-close', (event: { code?: number } | null) => done(event?.code ?? 0)),
    )
    setLessonFeedback(ben.doc, ANN, LESSON, { comment: 'Rewritten by Ben' })
    expect(await closed).toBe(CloseCode.ChangeNotAllowed)
    const refusal = await relay.waitForLog(
      (line) => line.event === 'change-refused' && line.room === feedbackRoom,
    )
    expect(refusal).toMatchObject({ user: BEN.id, role: 'learner' })
    expect(String(refusal.reason)).toMatch(/an entry of another learner/)

    // A fresh client reads Ann's entry as she wrote it, and Ben's own.
    const fresh = await joinAs(
      courseId,
      'feedback',
      await learnerToken(courseId, { id: 'learner-cy', name: 'Cy' }),
    )
    expect(readLessonFeedback(fresh.doc, ANN.id, LESSON)).toEqual(annsEntry)
    expect(readLessonFeedback(fresh.doc, BEN.id, LESSON)?.reaction).toBe('helpful')
    expect(readQuestionAnswer(fresh.doc, ANN.id, LESSON, 'q2')).toBeNull()
    expect(readLessonFeedback(ann.doc, ANN.id, LESSON)).toEqual(annsEntry)
    const expected = readAllFeedback(fresh.doc)

    // What the relay stored survives a restart.
    destroyClients()
    expect(await relay.stop()).toBe(0)
    relay = await startRelay({ dataDir: relay.dataDir })
    expect(readAllFeedback(storedDoc(relay.dataDir, feedbackRoom))).toEqual(expected)
    const afterRestart = await joinAs(courseId, 'feedback', await tokenFor(courseId, 'author'))
    expect(readAllFeedback(afterRestart.doc)).toEqual(expected)
  })

  it('takes the feedback a learner gave offline when they reconnect', async () => {
    const courseId = 'feedbackOffline1' as CourseId
    const ann = await joinAs(courseId, 'feedback', await learnerToken(courseId, ANN))
    setLessonFeedback(ann.doc, ANN, LESSON, { reaction: 'helpful' })
    const author = await joinAs(courseId, 'feedback', await tokenFor(courseId, 'author'))
    await waitFor(
      () => readLessonFeedback(author.doc, ANN.id, LESSON) !== null,
      10_000,
      'Ann’s first reaction',
    )

    ann.provider.disconnect()
    // Changes of mind while offline overwrite her own entries again and again: all of it her own to change.
    setLessonFeedback(ann.doc, ANN, LESSON, { reaction: 'confusing', comment: 'On second thought…' })
    for (const correct of [false, false, true]) recordAnswer(ann.doc, ANN, LESSON, 'q1', correct)
    setLessonFeedback(ann.doc, ANN, 'lesson-2' as LessonId, { reaction: 'not-helpful' })
    ann.provider.connect()
    await waitFor(
      () =>
        readAllFeedback(author.doc).answers.length === 1 && readAllFeedback(author.doc).feedback.length === 2,
      10_000,
      'Ann’s offline feedback to reach the author',
    )
    expect(readAllFeedback(author.doc)).toEqual(readAllFeedback(ann.doc))
    expect(readQuestionAnswer(author.doc, ANN.id, LESSON, 'q1')).toMatchObject({
      firstTryCorrect: false,
      tries: 3,
    })
    expect(relay.logs.filter((line) => line.event === 'change-refused' && line.user === ANN.id)).toEqual([])
  })

  it('drops an author’s feedback writes: never relayed, never stored', async () => {
    const courseId = 'feedbackAuthor1' as CourseId
    const feedbackRoom = room(courseId, 'feedback')
    const author = await joinAs(
      courseId,
      'feedback',
      await tokenFor(courseId, 'author', { user: 'fb-author' }),
    )
    const ann = await joinAs(courseId, 'feedback', await learnerToken(courseId, ANN))
    setLessonFeedback(author.doc, { id: 'fb-author', name: 'Al Author' }, LESSON, { reaction: 'helpful' })
    setLessonFeedback(ann.doc, ANN, LESSON, { reaction: 'not-helpful' })
    await waitFor(
      () => readLessonFeedback(author.doc, ANN.id, LESSON) !== null,
      10_000,
      'Ann’s feedback to reach the author',
    )
    // Ann's later write arrived, so the author's would have by now.
    expect(readAllFeedback(ann.doc).feedback.map((entry) => entry.learner.id)).toEqual([ANN.id])
    expect(
      readAllFeedback(storedDoc(relay.dataDir, feedbackRoom)).feedback.map((entry) => entry.learner.id),
    ).toEqual([ANN.id])
    await expect
      .poll(() => relay.logs.find((line) => line.event === 'write-dropped' && line.room === feedbackRoom), {
        timeout: 5_000,
      })
      .toMatchObject({ role: 'author', user: 'fb-author' })
  })
})
