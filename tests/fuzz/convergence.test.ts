/**
 * Randomized convergence test of the course model: three replicas apply random commands and body edits, sync
 * partially between random pairs, then merge fully in a random order. After every round all replicas must read
 * the same course, no lesson or section may be duplicated, exactly the lessons nobody deleted must remain, and
 * every surviving body must hold exactly the text inserted and not deleted.
 *
 * Replay a failure:    CHORUS_FUZZ_SEED=<seed> npx vitest run tests/fuzz
 * Run longer:          CHORUS_FUZZ_OPS=100000 npx vitest run tests/fuzz
 */
import { afterEach, expect, it } from 'vitest'
import {
  addLesson,
  addSection,
  createCourse,
  deleteLesson,
  deleteSection,
  moveLesson,
  moveSection,
  renameLesson,
  renameSection,
} from '../../shared/course/commands'
import { newCourseId } from '../../shared/course/ids'
import { lessonBody, readCourse } from '../../shared/course/read'
import type { CourseSnapshot, LessonId } from '../../shared/course/types'
import { bodyTokens, deleteToken, insertToken } from './body-tokens'
import { createPrng, type Prng } from './prng'
import { createReplica, fullMerge, partialSync, type Replica } from './replicas'

const SEED = Number(process.env.CHORUS_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32))
const OPS = Number(process.env.CHORUS_FUZZ_OPS ?? 5000)

/** What the replicas were asked to do, independent of how their changes later interleave. */
interface Ledger {
  readonly createdLessons: Set<string>
  readonly deletedLessons: Set<string>
  readonly createdSections: Set<string>
  readonly deletedSections: Set<string>
  readonly insertedTokens: Map<string, Set<string>>
  readonly deletedTokens: Set<string>
  tokenCount: number
}

const allLessons = (snapshot: CourseSnapshot) => snapshot.sections.flatMap((section) => section.lessons)

/** Keeps the course about the size of a real one, so the run spends its time on operations, not on bulk. */
const MAX_SECTIONS = 12
const MAX_LESSONS = 80

const randomOp = (replica: Replica, ledger: Ledger, prng: Prng): string => {
  const { doc } = replica
  const snapshot = readCourse(doc)
  checkNoDuplicates(snapshot)
  const sections = snapshot.sections
  const lessons = allLessons(snapshot)
  const roll = prng.next()
  if (sections.length === 0 || (roll < 0.08 && sections.length < MAX_SECTIONS)) {
    ledger.createdSections.add(
      addSection(doc, { title: `s${ledger.createdSections.size}`, index: prng.int(sections.length + 2) }),
    )
    return 'addSection'
  }
  const section = prng.pick(sections)
  if (roll < 0.13) {
    renameSection(doc, section.id, `${section.title}'`)
    return 'renameSection'
  }
  if (roll < 0.16) {
    for (const lesson of section.lessons) ledger.deletedLessons.add(lesson.id)
    ledger.deletedSections.add(section.id)
    deleteSection(doc, section.id)
    return 'deleteSection'
  }
  if (roll < 0.24) {
    moveSection(doc, section.id, prng.int(sections.length + 1) - 1)
    return 'moveSection'
  }
  if (lessons.length === 0 || (roll < 0.38 && lessons.length < MAX_LESSONS)) {
    const id = addLesson(doc, {
      sectionId: section.id,
      title: `l${ledger.createdLessons.size}`,
      index: prng.int(section.lessons.length + 2),
    })
    ledger.createdLessons.add(id)
    return 'addLesson'
  }
  // Now and then act on a lesson this replica may not have or may have lost: commands must shrug that off.
  const lessonId = prng.chance(0.1)
    ? (prng.pick([...ledger.createdLessons]) as LessonId)
    : prng.pick(lessons).id
  if (roll >= 0.24 && roll < 0.38) {
    // The course is full: delete instead of adding.
    if (doc.getMap('lessons').has(lessonId)) ledger.deletedLessons.add(lessonId)
    deleteLesson(doc, lessonId)
    return 'deleteLesson'
  }
  if (roll < 0.45) {
    renameLesson(doc, lessonId, `l${prng.int(1000)}`)
    return 'renameLesson'
  }
  if (roll < 0.5) {
    if (doc.getMap('lessons').has(lessonId)) ledger.deletedLessons.add(lessonId)
    deleteLesson(doc, lessonId)
    return 'deleteLesson'
  }
  if (roll < 0.7) {
    const destination = prng.pick(sections)
    moveLesson(doc, lessonId, {
      sectionId: destination.id,
      index: prng.int(destination.lessons.length + 2) - 1,
    })
    return 'moveLesson'
  }
  const body = lessonBody(doc, lessonId)
  if (body === undefined) return 'noop'
  if (roll < 0.9) {
    const token = `<${replica.name}:${ledger.tokenCount++}>`
    insertToken(body, token, prng)
    const tokens = ledger.insertedTokens.get(lessonId) ?? new Set<string>()
    tokens.add(token)
    ledger.insertedTokens.set(lessonId, tokens)
    return 'insertText'
  }
  const deleted = deleteToken(body, prng)
  if (deleted !== undefined) ledger.deletedTokens.add(deleted)
  return 'deleteText'
}

/** Plain throws rather than `expect`: these run thousands of times, and a failure names what broke. */
const check = (condition: boolean, message: () => string): void => {
  if (!condition) throw new Error(message())
}

const sortedEqual = (actual: Iterable<string>, expected: Iterable<string>): boolean =>
  JSON.stringify([...actual].sort()) === JSON.stringify([...expected].sort())

/** Holds on any replica at any moment, merged or not. */
const checkNoDuplicates = (snapshot: CourseSnapshot): void => {
  const lessonIds = allLessons(snapshot).map((lesson) => lesson.id)
  check(new Set(lessonIds).size === lessonIds.length, () => `a lesson shows twice: ${lessonIds.join(' ')}`)
  const sectionIds = snapshot.sections.map((section) => section.id)
  check(
    new Set(sectionIds).size === sectionIds.length,
    () => `a section shows twice: ${sectionIds.join(' ')}`,
  )
}

const checkMerged = (reference: Replica, replicas: readonly Replica[], ledger: Ledger): void => {
  const snapshot = readCourse(reference.doc)
  for (const replica of replicas) {
    expect(readCourse(replica.doc), `${replica.name} reads differently after a full merge`).toEqual(snapshot)
  }
  checkNoDuplicates(snapshot)

  const lessonIds = allLessons(snapshot).map((lesson) => lesson.id as string)
  const expectedLessons = [...ledger.createdLessons].filter((id) => !ledger.deletedLessons.has(id))
  check(sortedEqual(lessonIds, expectedLessons), () => {
    const lost = expectedLessons.filter((id) => !lessonIds.includes(id))
    const resurrected = lessonIds.filter((id) => !expectedLessons.includes(id))
    return `lessons lost: [${lost.join(' ')}], resurrected: [${resurrected.join(' ')}]`
  })

  const shown = new Set(snapshot.sections.map((section) => section.id as string))
  for (const id of ledger.createdSections) {
    check(shown.has(id) || ledger.deletedSections.has(id), () => `section ${id} lost`)
  }
  for (const id of shown) check(ledger.createdSections.has(id), () => `unknown section ${id}`)

  for (const id of lessonIds) {
    const body = lessonBody(reference.doc, id as LessonId)
    if (body === undefined) throw new Error(`lesson ${id} has no body`)
    const json = body.toJSON()
    for (const replica of replicas) {
      check(
        lessonBody(replica.doc, id as LessonId)?.toJSON() === json,
        () => `body of ${id} differs on ${replica.name}`,
      )
    }
    const tokens = bodyTokens(body)
    const expected = [...(ledger.insertedTokens.get(id) ?? [])].filter(
      (token) => !ledger.deletedTokens.has(token),
    )
    check(
      sortedEqual(tokens, expected),
      () => `text of ${id} is [${tokens.join('')}], expected [${expected.join('')}]`,
    )
  }
}

/**
 * Ids and order-key jitter come from crypto.getRandomValues; drawing them from the seeded PRNG makes a run
 * replayable. Everything else is the real code. An own property shadows the prototype's method; deleting it
 * afterwards brings the real one back. (A vitest spy would record every call and slow the run down.)
 */
const seedCryptoRandomness = (prng: Prng): void => {
  Object.defineProperty(globalThis.crypto, 'getRandomValues', {
    configurable: true,
    value: <T extends ArrayBufferView | null>(array: T): T => {
      if (!(array instanceof Uint8Array)) throw new Error('fuzz: only Uint8Array randomness is seeded')
      prng.fillBytes(array)
      return array
    },
  })
}

afterEach(() => {
  Reflect.deleteProperty(globalThis.crypto, 'getRandomValues')
})

it(
  `converges across 3 replicas under random concurrent operations (seed ${SEED}, ${OPS} ops)`,
  () => {
    console.log(`convergence fuzz: seed=${SEED} ops=${OPS} (replay with CHORUS_FUZZ_SEED=${SEED})`)
    const prng = createPrng(SEED)
    seedCryptoRandomness(prng)
    const first = createReplica('r1', 1)
    const replicas = [first, createReplica('r2', 2), createReplica('r3', 3)]
    const ledger: Ledger = {
      createdLessons: new Set(),
      deletedLessons: new Set(),
      createdSections: new Set(),
      deletedSections: new Set(),
      insertedTokens: new Map(),
      deletedTokens: new Set(),
      tokenCount: 0,
    }
    createCourse(first.doc, { id: newCourseId(), title: 'Fuzz', now: 0 })
    fullMerge(replicas, prng)

    const counts = new Map<string, number>()
    let done = 0
    let round = 0
    try {
      while (done < OPS) {
        round++
        const roundOps = Math.min(OPS - done, 10 + prng.int(60))
        for (let i = 0; i < roundOps; i++, done++) {
          const replica = prng.pick(replicas)
          const op = randomOp(replica, ledger, prng)
          counts.set(op, (counts.get(op) ?? 0) + 1)
          if (prng.chance(0.15)) {
            const from = prng.pick(replicas)
            partialSync(from, prng.pick(replicas.filter((replica) => replica !== from)), prng)
          }
        }
        fullMerge(replicas, prng)
        checkMerged(first, replicas, ledger)
      }
    } catch (error) {
      console.error(`convergence fuzz FAILED: seed=${SEED}, round ${round}, after ${done} ops`)
      throw error
    }
    const lessonsLeft = allLessons(readCourse(first.doc)).length
    console.log(
      `convergence fuzz: ${done} ops in ${round} rounds, ${lessonsLeft} lessons left; ` +
        [...counts].map(([op, n]) => `${op}=${n}`).join(' '),
    )
    expect(done).toBe(OPS)
  },
  Math.max(60_000, OPS * 20),
)
