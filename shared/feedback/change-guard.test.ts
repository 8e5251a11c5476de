import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardExpectations, replicaOf, sent } from '../../tests/fixtures/guard-harness'
import type { LessonId } from '../course/types'
import type { Role } from '../protocol/token'
import { checkFeedbackUpdate, type Writer } from './change-guard'
import { MAX_COMMENT_LENGTH, entryKey } from './entries'
import {
  FEEDBACK_ROOT,
  readAllFeedback,
  readLessonFeedback,
  recordAnswer,
  setLessonFeedback,
} from './feedback-doc'
import type { LearnerRef } from './types'

const ANN: LearnerRef = { id: 'u-ann', name: 'Ann Learner' }
const BEN: LearnerRef = { id: 'u-ben', name: 'Ben Learner' }
const LESSON = 'lesson-1' as LessonId
const OTHER_LESSON = 'lesson-2' as LessonId

const as = (learner: LearnerRef, role: Role = 'learner'): Writer => ({
  id: learner.id,
  name: learner.name,
  role,
})
const annLessonKey = entryKey({ kind: 'lesson', learnerId: ANN.id, lessonId: LESSON })

const { judge, expectAllowed, expectRefused } = guardExpectations(checkFeedbackUpdate)

/** The relay's document holding Ann's reaction, comment and answer. */
const relayWithAnnsFeedback = (): Y.Doc => {
  const relay = new Y.Doc()
  const ann = new Y.Doc()
  setLessonFeedback(ann, ANN, LESSON, { reaction: 'confusing', comment: 'Lost me at step 2.' }, 1000)
  recordAnswer(ann, ANN, LESSON, 'q1', false, 1001)
  expectAllowed(relay, Y.encodeStateAsUpdate(ann), as(ANN))
  return relay
}

describe('feedback changes the relay accepts', () => {
  it("accepts a learner's reactions, comments and answers, and their changes", () => {
    const relay = relayWithAnnsFeedback()
    const ann = replicaOf(relay)
    expectAllowed(
      relay,
      sent(ann, () => setLessonFeedback(ann, ANN, LESSON, { reaction: 'helpful' }, 2000)),
      as(ANN),
    )
    expectAllowed(
      relay,
      sent(ann, () => setLessonFeedback(ann, ANN, LESSON, { reaction: null, comment: '' }, 2001)),
      as(ANN),
    )
    expectAllowed(
      relay,
      sent(ann, () => recordAnswer(ann, ANN, LESSON, 'q1', true, 2002)),
      as(ANN),
    )
    const ben = replicaOf(relay)
    expectAllowed(
      relay,
      sent(ben, () => setLessonFeedback(ben, BEN, LESSON, { reaction: 'helpful', comment: 'Clear.' }, 2003)),
      as(BEN),
    )
    expect(readLessonFeedback(relay, ANN.id, LESSON)).toMatchObject({ reaction: null, comment: '' })
    expect(readLessonFeedback(relay, BEN.id, LESSON)).toMatchObject({
      reaction: 'helpful',
      comment: 'Clear.',
    })
    expect(readAllFeedback(relay).answers).toEqual([
      { learner: ANN, lessonId: LESSON, questionId: 'q1', firstTryCorrect: false, tries: 2, correct: true },
    ])
  })

  it('accepts a sync step 2 holding a whole offline session, and a full state the relay already holds', () => {
    const relay = relayWithAnnsFeedback()
    const ann = replicaOf(relay)
    const before = Y.encodeStateVector(relay)
    for (let step = 0; step < 5; step++) {
      setLessonFeedback(
        ann,
        ANN,
        LESSON,
        { reaction: step % 2 === 0 ? 'helpful' : 'not-helpful' },
        3000 + step,
      )
      setLessonFeedback(ann, ANN, OTHER_LESSON, { comment: `Note ${step}` }, 3100 + step)
      recordAnswer(ann, ANN, OTHER_LESSON, `q${step}`, step % 3 === 0, 3200 + step)
    }
    expectAllowed(relay, Y.encodeStateAsUpdate(ann, before), as(ANN))
    expect(readAllFeedback(relay)).toEqual(readAllFeedback(ann))
    // Reconnecting clients send everything again, with their whole delete set.
    expectAllowed(relay, Y.encodeStateAsUpdate(ann), as(ANN))
  })

  it('lets a learner remove their own entry', () => {
    const relay = relayWithAnnsFeedback()
    const ann = replicaOf(relay)
    expectAllowed(
      relay,
      sent(ann, () => ann.getMap(FEEDBACK_ROOT).delete(annLessonKey)),
      as(ANN),
    )
    expect(readLessonFeedback(relay, ANN.id, LESSON)).toBeNull()
  })
})

describe('feedback changes the relay refuses', () => {
  it('refuses an entry under another name than the token carries, and accepts any name with no tokens', () => {
    const relay = new Y.Doc()
    const client = replicaOf(relay)
    const renamed = { ...ANN, name: 'Somebody Else' }
    const update = sent(client, () => setLessonFeedback(client, renamed, LESSON, { reaction: 'helpful' }))
    expectRefused(relay, update, as(ANN), /another name than the token carries/)
    expectAllowed(relay, update, { ...as(ANN), name: null })
  })

  it('refuses any write by a role other than learner', () => {
    const relay = new Y.Doc()
    for (const role of ['author', 'reviewer', 'viewer'] as const) {
      const client = replicaOf(relay)
      const update = sent(client, () => setLessonFeedback(client, ANN, LESSON, { reaction: 'helpful' }))
      expectRefused(relay, update, as(ANN, role), new RegExp(`a ${role} writing feedback`))
    }
  })

  it("refuses changing, clearing or deleting another learner's entry, and writing in their name", () => {
    const relay = relayWithAnnsFeedback()
    const original = readAllFeedback(relay)
    const attacks: [(doc: Y.Doc) => void, RegExp][] = [
      [(doc) => setLessonFeedback(doc, ANN, LESSON, { reaction: 'helpful' }), /written: an entry of another/],
      [(doc) => setLessonFeedback(doc, ANN, LESSON, { comment: '' }), /written: an entry of another learner/],
      [(doc) => recordAnswer(doc, ANN, LESSON, 'q1', true), /written: an entry of another learner/],
      [
        (doc) => setLessonFeedback(doc, ANN, OTHER_LESSON, { comment: 'As Ann' }),
        /written: an entry of another/,
      ],
      [(doc) => doc.getMap(FEEDBACK_ROOT).delete(annLessonKey), /deleted: an entry of another learner/],
      [(doc) => doc.getMap(FEEDBACK_ROOT).clear(), /deleted: an entry of another learner/],
      [
        (doc) => doc.getMap(FEEDBACK_ROOT).set(annLessonKey, new Y.Map()),
        /written: an entry of another learner/,
      ],
    ]
    for (const [attack, reason] of attacks) {
      const ben = replicaOf(relay)
      expectRefused(
        relay,
        sent(ben, () => attack(ben)),
        as(BEN),
        reason,
      )
    }
    expect(readAllFeedback(relay)).toEqual(original)
  })

  it('refuses an entry under the writer’s own key that names another learner or is not well-formed', () => {
    const relay = relayWithAnnsFeedback()
    const benKey = entryKey({ kind: 'lesson', learnerId: BEN.id, lessonId: LESSON })
    const benAnswerKey = entryKey({ kind: 'question', learnerId: BEN.id, lessonId: LESSON, questionId: 'q1' })
    const valid = { learner: BEN, reaction: 'helpful', comment: '', updatedAt: 1 }
    const validAnswer = { learner: BEN, firstTryCorrect: true, tries: 1, correct: true, updatedAt: 1 }
    const attacks: [string, unknown][] = [
      [benKey, { ...valid, learner: ANN }],
      [benKey, { ...valid, reaction: 'love-it' }],
      [benKey, { ...valid, comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }],
      [benKey, { ...valid, updatedAt: 'yesterday' }],
      [benKey, { ...valid, extra: 'not a field' }],
      [benKey, { ...valid, learner: { ...BEN, role: 'author' } }],
      [benKey, validAnswer],
      [benAnswerKey, { ...validAnswer, tries: 0 }],
      [benAnswerKey, { ...validAnswer, correct: 'yes' }],
      [benAnswerKey, valid],
      [benKey, 'helpful'],
      [benKey, null],
    ]
    for (const [key, value] of attacks) {
      const ben = replicaOf(relay)
      expectRefused(
        relay,
        sent(ben, () => ben.getMap(FEEDBACK_ROOT).set(key, value)),
        as(BEN),
        /not well-formed or not by the writer/,
      )
    }
    const nested = replicaOf(relay)
    expectRefused(
      relay,
      sent(nested, () => nested.getMap(FEEDBACK_ROOT).set(benKey, new Y.Map())),
      as(BEN),
      /content the feedback document never holds/,
    )
  })

  it('refuses keys that are not entry keys, other root types, list entries and nested types', () => {
    const relay = relayWithAnnsFeedback()
    const attacks: [(doc: Y.Doc) => void, RegExp][] = [
      [(doc) => doc.getMap(FEEDBACK_ROOT).set('notes', 'hi'), /key "notes" is not a feedback entry/],
      [(doc) => doc.getMap(FEEDBACK_ROOT).set(`["lesson","${BEN.id}"]`, 1), /is not a feedback entry/],
      [(doc) => doc.getMap(FEEDBACK_ROOT).set(`["lesson","${BEN.id}","",""]`, 1), /not a feedback entry/],
      // The same entry spelt differently would count Ben's reaction twice.
      [
        (doc) =>
          doc.getMap(FEEDBACK_ROOT).set(`["lesson", "${BEN.id}", "${LESSON}"]`, {
            learner: BEN,
            reaction: 'helpful',
            comment: '',
            updatedAt: 1,
          }),
        /not a feedback entry/,
      ],
      [(doc) => doc.getMap('learners').set(BEN.id, new Y.Map()), /outside the feedback entries/],
      [(doc) => doc.getArray('list').insert(0, [1]), /outside the feedback entries/],
      [(doc) => doc.getText('body').insert(0, 'text'), /outside the feedback entries/],
    ]
    for (const [attack, reason] of attacks) {
      const ben = replicaOf(relay)
      expectRefused(
        relay,
        sent(ben, () => attack(ben)),
        as(BEN),
        reason,
      )
    }
    // A client that does not know the shape may write the root as a list.
    const stranger = new Y.Doc()
    expectRefused(
      relay,
      sent(stranger, () => stranger.getArray(FEEDBACK_ROOT).insert(0, [1])),
      as(BEN),
      /list entry/,
    )
  })

  it('judges an overwrite as the write it is, even when the update leaves the old value out of its delete set', () => {
    const relay = relayWithAnnsFeedback()
    const ben = replicaOf(relay)
    const update = sent(ben, () => setLessonFeedback(ben, ANN, LESSON, { reaction: 'helpful' }))
    const stripped = withoutDeleteSet(update)
    expect(Y.decodeUpdate(stripped).ds.clients.size).toBe(0)
    expectRefused(relay, stripped, as(BEN), /an entry of another learner/)
  })

  it('keeps a refusal short and plain ASCII whatever key a peer sends', () => {
    const relay = relayWithAnnsFeedback()
    const ben = replicaOf(relay)
    const update = sent(ben, () => ben.getMap(FEEDBACK_ROOT).set('ключ'.repeat(100), 1))
    expectRefused(relay, update, as(BEN), /not a feedback entry/)
  })

  it('cannot judge, so refuses as unresolved, an update building on items the relay does not hold', () => {
    const relay = relayWithAnnsFeedback()
    const ann = replicaOf(relay)
    setLessonFeedback(ann, ANN, OTHER_LESSON, { reaction: 'helpful' })
    const update = sent(ann, () => setLessonFeedback(ann, ANN, OTHER_LESSON, { reaction: 'confusing' }))
    const verdict = judge(relay, update, as(ANN))
    expect(verdict.ok === false && verdict.error.kind).toBe('unresolved')
  })
})

function varUint(value: number): number[] {
  const bytes: number[] = []
  let rest = value
  while (rest > 127) {
    bytes.push(128 | (rest & 127))
    rest = Math.floor(rest / 128)
  }
  bytes.push(rest)
  return bytes
}

/** The same V1 update with an empty delete set: what a crafted client could send. */
function withoutDeleteSet(update: Uint8Array): Uint8Array {
  const ranges = [...Y.decodeUpdate(update).ds.clients]
  const encoded = [
    ...varUint(ranges.length),
    ...ranges.flatMap(([client, deletes]) => [
      ...varUint(client),
      ...varUint(deletes.length),
      ...deletes.flatMap(({ clock, len }) => [...varUint(clock), ...varUint(len)]),
    ]),
  ]
  const structs = update.subarray(0, update.length - encoded.length)
  expect([...update.subarray(structs.length)]).toEqual(encoded)
  return new Uint8Array([...structs, 0])
}
