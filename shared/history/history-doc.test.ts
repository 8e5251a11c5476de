import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bold, doc, heading, p, question } from '../../tests/fixtures/content'
import { buildCourseDoc } from '../../tests/fixtures/course-builder'
import { addLesson, deleteLesson, moveLesson, renameLesson, writeLessonContent } from '../course/commands'
import { readLessonContent } from '../course/content-io'
import { lessonBody, readCourse } from '../course/read'
import type { LessonId, SectionId } from '../course/types'
import {
  HOURLY_VERSION_MS,
  hourlyVersionDue,
  lastPublished,
  listVersions,
  nextPublishNumber,
  openVersion,
  registerWriter,
  takeVersion,
  versionStorage,
} from './history-doc'
import { HISTORY_PART_BYTES } from './state-parts'
import type { Person, VersionId } from './types'

/** The value, or a failed test saying what was missing. */
const defined = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('expected a value')
  return value
}

const WORDS = (
  'invoice customer draft credit note payment bank feed match reference amount period close lock ledger account ' +
  'currency terms subscription renewal prorate refund card allocate review approve send remind overdue balance ' +
  'journal entry tax rate report export import audit trail owner deadline month quarter year'
).split(' ')

const ann: Person = { id: 'u-ann', name: 'Ann' }
const bob: Person = { id: 'u-bob', name: 'Bob' }
const T0 = Date.UTC(2026, 11, 2, 9, 0)

const smallCourse = (): Y.Doc =>
  buildCourseDoc({
    title: 'Invoicing',
    sections: [
      {
        title: 'Basics',
        lessons: [
          { title: 'Customers', body: doc(p('Every invoice starts from the ', bold('customer'), '.')) },
          { title: 'Drafts', body: doc(heading(2, 'Drafts'), p('Drafts can be edited.')) },
        ],
      },
      { title: 'Payments', lessons: [{ title: 'Matching', body: doc(p('Payments are matched.')) }] },
    ],
  })

const lessonIds = (course: Y.Doc): LessonId[] =>
  readCourse(course).sections.flatMap((section) => section.lessons.map((lesson) => lesson.id))

/** Everything a reader of the course sees: the outline, the details, and each lesson's body as data and as XML. */
const readAll = (course: Y.Doc): unknown => ({
  course: readCourse(course),
  lessons: lessonIds(course).map((id) => [readLessonContent(course, id), lessonBody(course, id)?.toString()]),
})

const typeInto = (course: Y.Doc, id: LessonId, text: string): void => {
  const body = lessonBody(course, id)
  const paragraph = body?.get(body.length - 1)
  const run = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined
  if (!(run instanceof Y.XmlText)) throw new Error('no text to type into')
  course.transact(() => run.insert(run.length, text))
}

const sync = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('taking, listing and opening versions', () => {
  it('opens a version read back exactly as the course was when it was taken', () => {
    const course = smallCourse()
    const history = new Y.Doc()
    const then = readAll(course)
    const version = takeVersion(history, course, { name: ' Sent to Legal ', reason: 'named', by: ann }, T0)
    renameLesson(course, defined(lessonIds(course)[0]), 'Clients')
    typeInto(course, defined(lessonIds(course)[1]), ' Issued ones cannot.')

    expect(version).toMatchObject({ name: 'Sent to Legal', reason: 'named', createdAt: T0, createdBy: ann })
    expect(listVersions(history)).toEqual([version])
    const opened = openVersion(history, version.id)
    expect(opened).not.toBeNull()
    expect(readAll(defined(opened))).toEqual(then)
    expect(readAll(defined(opened))).not.toEqual(readAll(course))
  })

  it('lists newest first and skips entries it cannot read', () => {
    const course = smallCourse()
    const history = new Y.Doc()
    const first = takeVersion(history, course, { reason: 'hourly', by: ann }, T0)
    const second = takeVersion(history, course, { reason: 'named', name: 'Two', by: ann }, T0 + 1000)
    history.getMap('versions').set('junk', { format: 1, name: 3 })
    history
      .getMap('versions')
      .set('future', { ...(history.getMap('versions').get(first.id) as object), format: 99 })
    history.getMap('versions').set('text', 'not a version')

    expect(listVersions(history).map((v) => v.id)).toEqual([second.id, first.id])
    expect(openVersion(history, 'junk' as VersionId)).toBeNull()
    expect(openVersion(history, 'nothing' as VersionId)).toBeNull()
  })

  it('names the people whose client ids advanced since the previous version', () => {
    const annCourse = smallCourse()
    const bobCourse = new Y.Doc()
    sync(annCourse, bobCourse)
    const history = new Y.Doc()
    registerWriter(history, annCourse.clientID, ann)
    registerWriter(history, bobCourse.clientID, bob)
    registerWriter(history, bobCourse.clientID, bob)
    const first = takeVersion(history, annCourse, { reason: 'hourly', by: ann }, T0)
    expect(first.contributors).toEqual([ann])

    typeInto(bobCourse, defined(lessonIds(bobCourse)[0]), ' Bob was here.')
    sync(annCourse, bobCourse)
    expect(takeVersion(history, annCourse, { reason: 'hourly', by: ann }, T0 + 1).contributors).toEqual([bob])

    typeInto(bobCourse, defined(lessonIds(bobCourse)[0]), ' Again.')
    typeInto(annCourse, defined(lessonIds(annCourse)[1]), ' Ann too.')
    sync(annCourse, bobCourse)
    expect(takeVersion(history, bobCourse, { reason: 'hourly', by: bob }, T0 + 2).contributors).toEqual([
      ann,
      bob,
    ])
    expect(takeVersion(history, bobCourse, { reason: 'named', by: bob }, T0 + 3).contributors).toEqual([])
  })

  it('lists the lessons added, renamed or edited since the previous version, in outline order', () => {
    const course = smallCourse()
    const history = new Y.Doc()
    const [customers, drafts, matching] = lessonIds(course)
    const first = takeVersion(history, course, { reason: 'named', by: ann }, T0)
    expect(first.changedLessons.map((lesson) => lesson.title)).toEqual(['Customers', 'Drafts', 'Matching'])

    const sectionId = defined(readCourse(course).sections[0]).id
    const added = addLesson(course, { sectionId, title: 'Credit notes', index: 0 })
    renameLesson(course, defined(matching), 'Bank matching')
    typeInto(course, defined(drafts), ' More.')
    const second = takeVersion(history, course, { reason: 'named', by: ann }, T0 + 1)
    expect(second.changedLessons).toEqual([
      { id: added, title: 'Credit notes' },
      { id: drafts, title: 'Drafts' },
      { id: matching, title: 'Bank matching' },
    ])
    expect(second.changedLessons.some((lesson) => lesson.id === customers)).toBe(false)

    deleteLesson(course, added)
    const payments = defined(readCourse(course).sections[1]).id
    moveLesson(course, defined(customers), { sectionId: payments, index: 0 })
    expect(takeVersion(history, course, { reason: 'named', by: ann }, T0 + 2).changedLessons).toEqual([])

    // Deleting text alone does not advance the state vector: the delete set tells.
    const text = defined(lessonBody(course, defined(matching))?.get(0))
    course.transact(() => (text as Y.XmlElement).delete(0, 1))
    expect(takeVersion(history, course, { reason: 'named', by: ann }, T0 + 3).changedLessons).toEqual([
      { id: matching, title: 'Bank matching' },
    ])
  })
})

describe('how versions are stored', () => {
  it('rebuilds every one of 60 versions exactly through chains of deltas, with a full state now and then', () => {
    const course = buildCourseDoc({
      title: 'Long',
      sections: [
        {
          title: 'All',
          lessons: Array.from({ length: 30 }, (_, n) => ({
            title: `Lesson ${n}`,
            body: doc(heading(2, `Part ${n}`), p(`Text of lesson ${n}. `.repeat(20)), p('Closing words.')),
          })),
        },
      ],
    })
    const history = new Y.Doc()
    const sectionId = defined(readCourse(course).sections[0]).id as SectionId
    const expected = new Map<VersionId, unknown>()
    for (let round = 0; round < 60; round++) {
      const ids = lessonIds(course)
      typeInto(course, defined(ids[(round * 7) % ids.length]), ` Edit ${round}.`)
      if (round % 5 === 0) renameLesson(course, defined(ids[round % ids.length]), `Renamed ${round}`)
      if (round % 9 === 0) {
        const added = addLesson(course, { sectionId, title: `New ${round}`, index: 3 })
        writeLessonContent(course, added, doc(p(`New lesson ${round}.`)))
      }
      if (round % 13 === 0) deleteLesson(course, defined(ids[(round * 3) % ids.length]))
      const version = takeVersion(
        history,
        course,
        { reason: 'hourly', by: ann },
        T0 + round * HOURLY_VERSION_MS,
      )
      expected.set(version.id, readAll(course))
    }

    const storage = [...expected.keys()].map((id) => defined(versionStorage(history, id)))
    expect(storage.filter((s) => s.base === null).length).toBeGreaterThan(1)
    expect(storage.filter((s) => s.base !== null).length).toBeGreaterThan(40)
    const full = Y.encodeStateAsUpdateV2(course).length
    expect(Y.encodeStateAsUpdate(history).length).toBeLessThan(15 * full)
    for (const [id, state] of expected) expect(readAll(defined(openVersion(history, id)))).toEqual(state)
  })

  it('stores a full state when the course lacks what the previous version holds (taken on another device)', () => {
    const annCourse = smallCourse()
    const bobCourse = new Y.Doc()
    sync(annCourse, bobCourse)
    const history = new Y.Doc()
    typeInto(annCourse, defined(lessonIds(annCourse)[0]), ' Only Ann has this.')
    takeVersion(history, annCourse, { reason: 'named', by: ann }, T0)
    typeInto(bobCourse, defined(lessonIds(bobCourse)[1]), ' Only Bob has this.')
    const bobs = takeVersion(history, bobCourse, { reason: 'named', by: bob }, T0 + 1)

    expect(versionStorage(history, bobs.id)?.base).toBeNull()
    expect(readAll(defined(openVersion(history, bobs.id)))).toEqual(readAll(bobCourse))
  })

  it('keeps every update under the relay limit for a 1,000-lesson course, the entry arriving after its parts', () => {
    // Varied words, as real lessons have: text that repeats would compress into a single part.
    let seed = 3
    const word = (): string => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return WORDS[seed % WORDS.length] ?? 'invoice'
    }
    const sentence = (): string => `${Array.from({ length: 14 }, word).join(' ')}. `
    const course = buildCourseDoc({
      title: 'Huge',
      sections: Array.from({ length: 50 }, (_, s) => ({
        title: `Section ${s}`,
        lessons: Array.from({ length: 20 }, (_, n) => ({
          title: `Lesson ${s}.${n}`,
          body: doc(
            heading(2, `Part ${n}`),
            p(Array.from({ length: 8 }, sentence).join('')),
            p(Array.from({ length: 8 }, sentence).join('')),
            question({ id: `q${s}-${n}`, prompt: `Question ${n}?`, choices: ['*Yes', 'No'] }),
          ),
        })),
      })),
    })
    const history = new Y.Doc()
    const updates: Uint8Array[] = []
    history.on('update', (update: Uint8Array) => updates.push(update))
    const version = takeVersion(history, course, { reason: 'publish', format: 'scorm12', by: ann }, T0)

    expect(Y.encodeStateAsUpdate(course).length).toBeGreaterThan(1_500_000)
    expect(updates.length).toBeGreaterThan(2)
    const RELAY_DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024
    for (const update of updates) {
      expect(update.length).toBeLessThan(HISTORY_PART_BYTES + 1024)
      expect(update.length).toBeLessThan(RELAY_DEFAULT_MAX_MESSAGE_BYTES)
    }
    const peer = new Y.Doc()
    for (const update of updates.slice(0, -1)) Y.applyUpdate(peer, update)
    expect(listVersions(peer)).toEqual([])
    Y.applyUpdate(peer, defined(updates[updates.length - 1]))
    expect(listVersions(peer)).toEqual([version])
    expect(readAll(defined(openVersion(peer, version.id)))).toEqual(readAll(course))
  })
})

describe('publish numbers', () => {
  it('numbers exports and publishes 1, 2, 3… and no other version', () => {
    const course = smallCourse()
    const history = new Y.Doc()
    expect(nextPublishNumber(history)).toBe(1)
    expect(lastPublished(history)).toBeNull()
    const one = takeVersion(history, course, { reason: 'export', format: 'scorm12', by: ann }, T0)
    takeVersion(history, course, { reason: 'named', name: 'Check', by: ann }, T0 + 1)
    const two = takeVersion(history, course, { reason: 'publish', format: 'web', by: ann }, T0 + 2)
    takeVersion(history, course, { reason: 'before-restore', by: ann }, T0 + 3)

    expect(one.published).toEqual({ number: 1, format: 'scorm12' })
    expect(two.published).toEqual({ number: 2, format: 'web' })
    expect(lastPublished(history)).toEqual(two)
    expect(nextPublishNumber(history)).toBe(3)
    expect(listVersions(history).filter((v) => v.published === undefined)).toHaveLength(2)
    expect(() => takeVersion(history, course, { reason: 'export', by: ann }, T0 + 4)).toThrow(/format/)
  })

  it('keeps both versions two authors take at once; two concurrent publishes share a number, the next is unique', () => {
    const course = smallCourse()
    const annHistory = new Y.Doc()
    takeVersion(annHistory, course, { reason: 'export', format: 'scorm12', by: ann }, T0)
    const bobHistory = new Y.Doc()
    sync(annHistory, bobHistory)
    const annTwo = takeVersion(annHistory, course, { reason: 'publish', format: 'scorm12', by: ann }, T0 + 5)
    const bobTwo = takeVersion(bobHistory, course, { reason: 'publish', format: 'web', by: bob }, T0 + 5)
    sync(annHistory, bobHistory)

    expect(listVersions(annHistory)).toEqual(listVersions(bobHistory))
    expect(listVersions(annHistory)).toHaveLength(3)
    expect([annTwo.published?.number, bobTwo.published?.number]).toEqual([2, 2])
    expect(nextPublishNumber(bobHistory)).toBe(3)
    for (const version of [annTwo, bobTwo]) expect(openVersion(bobHistory, version.id)).not.toBeNull()
  })
})

describe('hourly versions', () => {
  it('are due after an hour of changes, and only then', () => {
    const course = smallCourse()
    const history = new Y.Doc()
    expect(hourlyVersionDue(history, new Y.Doc(), T0)).toBe(false)
    expect(hourlyVersionDue(history, course, T0)).toBe(true)
    takeVersion(history, course, { reason: 'hourly', by: ann }, T0)
    typeInto(course, defined(lessonIds(course)[0]), ' More.')
    expect(hourlyVersionDue(history, course, T0 + HOURLY_VERSION_MS - 1)).toBe(false)
    expect(hourlyVersionDue(history, course, T0 + HOURLY_VERSION_MS)).toBe(true)

    takeVersion(history, course, { reason: 'hourly', by: ann }, T0 + HOURLY_VERSION_MS)
    expect(hourlyVersionDue(history, course, T0 + 5 * HOURLY_VERSION_MS)).toBe(false)
    // Deleting text does not advance Yjs's state vector; the delete set tells.
    const body = defined(lessonBody(course, defined(lessonIds(course)[1])))
    course.transact(() => (body.get(1) as Y.XmlElement).delete(0, 1))
    expect(hourlyVersionDue(history, course, T0 + 5 * HOURLY_VERSION_MS)).toBe(true)
  })
})
