/**
 * Seeded fuzz test of the feedback guard (shared/feedback/change-guard.ts): learners on several devices, some
 * offline for a while, send random updates made of random raw writes and deletions to the feedback map, mixing
 * what they may do (their own well-formed entries) with what they may not (anyone else's entries, malformed
 * values, keys and types outside the shape). The guard must accept exactly the updates made only of allowed
 * changes; after every accepted update no other learner's entry has changed and every entry is well-formed; and
 * at the end all devices converge on the relay's document. A failure names its seed, which replays it.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonId } from '../../shared/course/types'
import { LESSON_REACTIONS } from '../../shared/export/player/reactions'
import { checkFeedbackUpdate } from '../../shared/feedback/change-guard'
import { MAX_COMMENT_LENGTH, entryKey, parseEntryKey, type EntryKey } from '../../shared/feedback/entries'
import {
  FEEDBACK_ROOT,
  readAllFeedback,
  recordAnswer,
  setLessonFeedback,
} from '../../shared/feedback/feedback-doc'
import type { LearnerRef } from '../../shared/feedback/types'
import { createPrng, type Prng } from './prng'

const SEEDS = 25
const STEPS = 60
const LEARNERS: readonly LearnerRef[] = [
  { id: 'u-ann', name: 'Ann' },
  { id: 'u-ben', name: 'Ben' },
  { id: 'u-cy', name: 'Cy' },
]
const LESSONS = ['l1', 'l2', 'l3'] as LessonId[]
const QUESTIONS = ['q1', 'q2']

interface Device {
  readonly learner: LearnerRef
  readonly doc: Y.Doc
}

/** One raw change to the feedback map, and whether a learner may make it. */
interface Change {
  readonly key: string
  readonly allowed: boolean
  apply(map: Y.Map<unknown>): void
}

const randomKey = (prng: Prng, learnerId: string): EntryKey =>
  prng.chance(0.5)
    ? { kind: 'lesson', learnerId, lessonId: prng.pick(LESSONS) }
    : { kind: 'question', learnerId, lessonId: prng.pick(LESSONS), questionId: prng.pick(QUESTIONS) }

const validValue = (prng: Prng, key: EntryKey, learner: LearnerRef): Record<string, unknown> =>
  key.kind === 'lesson'
    ? {
        learner,
        reaction: prng.chance(0.2) ? null : prng.pick(LESSON_REACTIONS).name,
        comment: prng.chance(0.5) ? '' : `comment ${prng.int(1000)}`,
        updatedAt: prng.int(1e9),
      }
    : { learner, firstTryCorrect: prng.chance(0.5), tries: 1 + prng.int(5), correct: true, updatedAt: 1 }

/** Ways to spoil a value written under the writer's own key. */
const spoiled = (prng: Prng, value: Record<string, unknown>, other: LearnerRef): unknown =>
  prng.pick<() => unknown>([
    () => ({ ...value, learner: other }),
    () => ({ ...value, updatedAt: 'soon' }),
    () => ({ ...value, extra: true }),
    () => ({ ...value, reaction: 'meh', tries: 0 }),
    () => ({ ...value, comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1), correct: 'no' }),
    () => 'helpful',
    () => [value],
  ])()

/** A random change by `writer` to the map as `doc` holds it; null if it would change nothing. */
const randomChange = (prng: Prng, doc: Y.Doc, writer: LearnerRef): Change | null => {
  const map = doc.getMap(FEEDBACK_ROOT)
  const other = prng.pick(LEARNERS.filter((learner) => learner.id !== writer.id))
  const held = [...map.keys()]
  const own = held.filter((key) => parseEntryKey(key)?.learnerId === writer.id)
  const others = held.filter((key) => parseEntryKey(key)?.learnerId !== writer.id)
  const set = (key: string, value: unknown, allowed: boolean): Change => ({
    key,
    allowed,
    apply: (target) => target.set(key, value),
  })
  const remove = (key: string, allowed: boolean): Change => ({
    key,
    allowed,
    apply: (target) => target.delete(key),
  })
  switch (prng.int(8)) {
    case 0:
    case 1: {
      const key = randomKey(prng, writer.id)
      return set(entryKey(key), validValue(prng, key, writer), true)
    }
    case 2:
      return own.length === 0 ? null : remove(prng.pick(own), true)
    case 3: {
      const key = randomKey(prng, writer.id)
      return set(entryKey(key), spoiled(prng, validValue(prng, key, writer), other), false)
    }
    case 4: {
      const key = randomKey(prng, other.id)
      return set(entryKey(key), validValue(prng, key, prng.chance(0.5) ? other : writer), false)
    }
    case 5:
      return others.length === 0 ? null : remove(prng.pick(others), false)
    case 6: {
      // Keys that are not entries, or an entry of the writer's spelt another way (which would count twice).
      const key = prng.pick([
        'notes',
        '["lesson"]',
        `["lesson","${writer.id}","l1","x"]`,
        '',
        `["lesson", "${writer.id}", "l1"]`,
      ])
      return set(
        key,
        validValue(prng, { kind: 'lesson', learnerId: writer.id, lessonId: LESSONS[0] as LessonId }, writer),
        false,
      )
    }
    default: {
      const key = entryKey(randomKey(prng, writer.id))
      return { key, allowed: false, apply: (target) => target.set(key, new Y.Map()) }
    }
  }
}

/** What `change` sends from `doc`: every update it emits, merged, as a provider would relay them. */
const sent = (doc: Y.Doc, change: () => void): Uint8Array => {
  const updates: Uint8Array[] = []
  const record = (update: Uint8Array) => updates.push(update)
  doc.on('update', record)
  change()
  doc.off('update', record)
  return Y.mergeUpdates(updates)
}

const entriesOf = (doc: Y.Doc, learnerId: string): Record<string, unknown> =>
  Object.fromEntries(
    [...doc.getMap(FEEDBACK_ROOT).entries()].filter(([key]) => parseEntryKey(key)?.learnerId === learnerId),
  )

const wellFormedEverywhere = (doc: Y.Doc): boolean => {
  const { feedback, answers } = readAllFeedback(doc)
  return feedback.length + answers.length === doc.getMap(FEEDBACK_ROOT).size
}

/** Brings a device and the relay up to date with each other, as a reconnect would; the device's part is judged. */
const syncDevice = (relay: Y.Doc, device: Device): void => {
  const update = Y.encodeStateAsUpdate(device.doc, Y.encodeStateVector(relay))
  const verdict = checkFeedbackUpdate(relay, Y.decodeUpdate(update), {
    id: device.learner.id,
    name: device.learner.name,
    role: 'learner',
  })
  expect(verdict).toEqual({ ok: true, value: undefined })
  Y.applyUpdate(relay, update)
  Y.applyUpdate(device.doc, Y.encodeStateAsUpdate(relay, Y.encodeStateVector(device.doc)))
}

const run = (seed: number): void => {
  const prng = createPrng(seed)
  const relay = new Y.Doc()
  // Ann has two devices, which may both be offline at once.
  const devices: Device[] = [LEARNERS[0], ...LEARNERS].map((learner) => ({
    learner: learner as LearnerRef,
    doc: new Y.Doc(),
  }))
  for (let step = 0; step < STEPS; step++) {
    const device = prng.pick(devices)
    const writer = device.learner
    switch (prng.int(4)) {
      case 0: {
        // Offline use of the learner view's commands; sent on the next sync.
        const lessonId = prng.pick(LESSONS)
        if (prng.chance(0.5))
          setLessonFeedback(device.doc, writer, lessonId, {
            reaction: prng.pick([null, ...LESSON_REACTIONS.map(({ name }) => name)]),
            comment: prng.chance(0.5) ? 'Why?' : '',
          })
        else recordAnswer(device.doc, writer, lessonId, prng.pick(QUESTIONS), prng.chance(0.5))
        break
      }
      case 1:
        syncDevice(relay, device)
        break
      default: {
        // A crafted update from a fresh copy of the relay's document: several raw changes to distinct keys.
        const copy = new Y.Doc()
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(relay))
        const changes: Change[] = []
        for (let count = 1 + prng.int(3); count > 0; count--) {
          const change = randomChange(prng, copy, writer)
          if (change !== null && !changes.some((earlier) => earlier.key === change.key)) changes.push(change)
        }
        if (changes.length === 0) break
        const map = copy.getMap(FEEDBACK_ROOT)
        const update = prng.chance(0.5)
          ? sent(copy, () => copy.transact(() => changes.forEach((change) => change.apply(map))))
          : sent(copy, () => changes.forEach((change) => change.apply(map)))
        const verdict = checkFeedbackUpdate(relay, Y.decodeUpdate(update), {
          id: writer.id,
          name: writer.name,
          role: 'learner',
        })
        const allowed = changes.every((change) => change.allowed)
        expect(verdict.ok, `seed ${seed} step ${step}: ${JSON.stringify(verdict)}`).toBe(allowed)
        if (!verdict.ok) {
          expect(verdict.error.kind).toBe('not-allowed')
          break
        }
        const othersBefore = LEARNERS.filter(({ id }) => id !== writer.id).map(({ id }) =>
          entriesOf(relay, id),
        )
        Y.applyUpdate(relay, update)
        const othersAfter = LEARNERS.filter(({ id }) => id !== writer.id).map(({ id }) =>
          entriesOf(relay, id),
        )
        expect(othersAfter, `seed ${seed} step ${step}`).toEqual(othersBefore)
        expect(wellFormedEverywhere(relay), `seed ${seed} step ${step}`).toBe(true)
      }
    }
  }
  // Everyone reconnects twice (the second round brings what others sent in the first): all converge.
  for (let round = 0; round < 2; round++) for (const device of devices) syncDevice(relay, device)
  for (const device of devices) expect(readAllFeedback(device.doc)).toEqual(readAllFeedback(relay))
  expect(wellFormedEverywhere(relay)).toBe(true)
}

describe('feedback guard under random updates', () => {
  it(`accepts exactly the updates that change only the writer's own entries (${SEEDS} seeds)`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) run(seed)
  })
})
