/**
 * `npm run bench:history`: a generated 300-lesson course edited by three authors, with a version taken after each
 * round of edits (50 versions, a few lessons typed into each time, words deleted, lessons renamed, added, removed and
 * moved now and then). Prints what the history document costs to store (on the device and on the relay, which keep
 * its state) and the time to take, list, open and compare versions. For the storage choice, it also runs the same
 * edits on a course document that never garbage-collects (what Yjs snapshots would need) and sums what full copies
 * of each version would take.
 */
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import {
  addLesson,
  deleteLesson,
  moveLesson,
  renameLesson,
  writeLessonContent,
} from '../../../shared/course/commands'
import { lessonBody, readCourse } from '../../../shared/course/read'
import type { LessonId, SectionId } from '../../../shared/course/types'
import { compareCourses } from '../../../shared/history/compare'
import { restoreCourse } from '../../../shared/history/restore'
import {
  listVersions,
  openVersion,
  registerWriter,
  takeVersion,
  versionStorage,
} from '../../../shared/history/history-doc'
import { packState } from '../../../shared/history/state-parts'
import type { Person, VersionId } from '../../../shared/history/types'
import { bullets, doc, heading, p } from '../../fixtures/content'
import { buildCourseDoc } from '../../fixtures/course-builder'
import { generateCourse } from '../export/generate-course'

/** The value, or a failed test saying what was missing. */
const defined = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('expected a value')
  return value
}

const VERSIONS = 50
const LESSONS_EDITED_PER_VERSION = 4
const HOUR = 3_600_000

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`
const ms = (value: number): string => `${value.toFixed(value < 1 ? 2 : 1)} ms`

/** Seeded, so every run makes the same edits. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}

const timed = <T>(run: () => T): { value: T; ms: number } => {
  const started = performance.now()
  const value = run()
  return { value, ms: performance.now() - started }
}

/** Median of `runs` timings of `run` (after one warm-up), so one slow GC pause does not decide a figure. */
const medianMs = (run: () => void, runs = 5): number => {
  run()
  const times = Array.from({ length: runs }, () => timed(run).ms).sort((a, b) => a - b)
  return times[Math.floor(runs / 2)] ?? 0
}

const liveLessons = (course: Y.Doc): LessonId[] =>
  readCourse(course).sections.flatMap((section) => section.lessons.map((lesson) => lesson.id))

/** An author typing a sentence key by key at the end of a paragraph, and deleting a word before it. */
const typeAndDelete = (course: Y.Doc, id: LessonId, next: () => number, round: number): void => {
  const body = lessonBody(course, id)
  if (body === undefined) return
  const paragraphs = body
    .toArray()
    .filter((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
  const paragraph = paragraphs[Math.floor(next() * paragraphs.length)]
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined
  if (!(text instanceof Y.XmlText)) return
  const sentence = ` Added in round ${round}: check the totals before you send the invoice.`
  for (const char of sentence) course.transact(() => text.insert(text.length, char))
  const at = Math.floor(next() * Math.max(1, text.length - 40))
  for (let i = 0; i < 8 && text.length > at; i++) course.transact(() => text.delete(at, 1))
}

const editRound = (authors: readonly Y.Doc[], round: number, next: () => number): void => {
  for (let i = 0; i < LESSONS_EDITED_PER_VERSION; i++) {
    const author = defined(authors[(round + i) % authors.length])
    const lessons = liveLessons(author)
    typeAndDelete(author, defined(lessons[Math.floor(next() * lessons.length)]), next, round)
  }
  const author = defined(authors[round % authors.length])
  const lessons = liveLessons(author)
  const pick = (): LessonId => defined(lessons[Math.floor(next() * lessons.length)])
  const sections = readCourse(author).sections.map((section) => section.id as SectionId)
  if (round % 5 === 0) renameLesson(author, pick(), `Renamed in round ${round}`)
  if (round % 7 === 0) {
    moveLesson(author, pick(), {
      sectionId: defined(sections[Math.floor(next() * sections.length)]),
      index: 2,
    })
  }
  if (round % 10 === 0) {
    const added = addLesson(author, { sectionId: defined(sections[0]), title: `New in round ${round}` })
    writeLessonContent(author, added, doc(p(`Written in round ${round}. `.repeat(10))))
  }
  if (round % 12 === 11) deleteLesson(author, pick())
}

const syncAll = (docs: readonly Y.Doc[]): void => {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
    }
  }
}

/** Three authors' copies of one course, garbage-collecting or not. */
const authorsOf = (state: Uint8Array, gc: boolean): Y.Doc[] =>
  [0, 1, 2].map(() => {
    const copy = new Y.Doc({ gc })
    Y.applyUpdate(copy, state)
    return copy
  })

const sumBytes = (parts: readonly Uint8Array[]): number =>
  parts.reduce((total, part) => total + part.length, 0)

const people: Person[] = [
  { id: 'u-ann', name: 'Ann' },
  { id: 'u-bob', name: 'Bob' },
  { id: 'u-cho', name: 'Cho' },
]

const row = (label: string, value: string): void => console.log(`${label.padEnd(66)} ${value}`)

/** Takes VERSIONS versions of `initial` edited round by round, and prints what they cost. */
const measure = (label: string, initial: Uint8Array): void => {
  const authors = authorsOf(initial, true)
  const history = new Y.Doc()
  authors.forEach((author, i) => registerWriter(history, author.clientID, people[i] ?? defined(people[0])))
  const next = random(42)
  const takeTimes: number[] = []
  let fullCopies = 0
  let packedCopies = 0
  for (let round = 0; round < VERSIONS; round++) {
    if (round > 0) editRound(authors, round, next)
    syncAll(authors)
    const course = defined(authors[round % authors.length])
    const reason = round % 10 === 9 ? 'export' : 'hourly'
    const at = Date.UTC(2026, 11, 1) + round * HOUR
    takeTimes.push(
      timed(() => takeVersion(history, course, { reason, format: 'scorm12', by: defined(people[0]) }, at)).ms,
    )
    fullCopies += Y.encodeStateAsUpdate(course).length
    packedCopies += sumBytes(packState(Y.encodeStateAsUpdateV2(course)))
  }
  const course = defined(authors[0])
  const versions = listVersions(history)
  const storage = versions.map((version) => defined(versionStorage(history, version.id)))
  const fulls = storage.filter((entry) => entry.base === null)
  const deltas = storage.filter((entry) => entry.base !== null).map((entry) => entry.bytes)
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0)
  const oldest: VersionId = defined(versions[versions.length - 1]).id
  const newest: VersionId = defined(versions[0]).id
  const oldestDoc = defined(openVersion(history, oldest))
  const comparison = compareCourses(oldestDoc, course)

  // The same edits on documents that never garbage-collect: what keeping versions as Yjs snapshots would need.
  const keepAll = authorsOf(initial, false)
  const replay = random(42)
  let snapshotBytes = 0
  for (let round = 0; round < VERSIONS; round++) {
    if (round > 0) editRound(keepAll, round, replay)
    syncAll(keepAll)
    snapshotBytes += Y.encodeSnapshotV2(Y.snapshot(defined(keepAll[round % keepAll.length]))).length
  }

  console.log(`\n${label}`)
  row('course now (Y.encodeStateAsUpdate), for reference', kb(Y.encodeStateAsUpdate(course).length))
  row(
    `history document, ${versions.length} versions (what the device and the relay store)`,
    kb(Y.encodeStateAsUpdate(history).length),
  )
  row(
    `  states: ${fulls.length} full + ${deltas.length} deltas (compressed)`,
    `${kb(sum(fulls.map((f) => f.bytes)))} + ${kb(sum(deltas))}`,
  )
  row(
    '  median delta (compressed)',
    kb([...deltas].sort((a, b) => a - b)[Math.floor(deltas.length / 2)] ?? 0),
  )
  row(
    'alternative: a full copy of the course per version',
    `${kb(fullCopies)} (${kb(packedCopies)} compressed)`,
  )
  row(
    'alternative: course document that never garbage-collects',
    `${kb(Y.encodeStateAsUpdate(defined(keepAll[0])).length)} (+ ${kb(snapshotBytes)} of snapshots)`,
  )
  row(
    'take a version (median of 50)',
    ms([...takeTimes].sort((a, b) => a - b)[Math.floor(takeTimes.length / 2)] ?? 0),
  )
  row('list versions', ms(medianMs(() => listVersions(history))))
  row('open the oldest version', ms(medianMs(() => openVersion(history, oldest)?.destroy())))
  row('open the newest version', ms(medianMs(() => openVersion(history, newest)?.destroy())))
  const { changed, added, removed } = comparison.counts
  row(
    `compare the oldest with now (${changed} changed, ${added} added, ${removed} removed)`,
    ms(medianMs(() => compareCourses(oldestDoc, course))),
  )
  const restored = timed(() => restoreCourse(course, oldestDoc))
  row('restore the whole course to the oldest version (one transaction)', ms(restored.ms))
  row('undo that restore', ms(timed(() => restored.value.undo()).ms))
}

/** The export bench's course with every sentence made of varied words, as real lessons are: compresses as they do. */
const variedCourse = (lessons: number): Y.Doc => {
  const next = random(5)
  const sentence = (): string =>
    `${Array.from({ length: 12 + Math.floor(next() * 8) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ')}. `
  const body = (n: number) =>
    doc(
      heading(2, `Part ${n}`),
      p(sentence(), sentence(), sentence()),
      bullets(sentence(), sentence()),
      p(sentence(), sentence()),
    )
  return buildCourseDoc({
    title: 'Varied course',
    sections: Array.from({ length: Math.ceil(lessons / 20) }, (_, s) => ({
      title: `Section ${s + 1}`,
      lessons: Array.from({ length: 20 }, (_, i) => ({
        title: `Lesson ${s * 20 + i + 1}`,
        body: body(s * 20 + i),
      })),
    })),
  })
}

const WORDS = (
  'invoice customer draft credit note payment bank feed match reference amount period close lock ledger account ' +
  'currency terms subscription renewal prorate refund card allocate review approve send remind overdue balance ' +
  'journal entry tax rate report export import audit trail owner deadline month quarter year the a of to and ' +
  'in for with when before after each every which that this is are can must should will'
).split(' ')

measure(
  "300 lessons, the export bench's generated course (six sentences repeated: compresses unusually well)",
  Y.encodeStateAsUpdate(generateCourse(300, 100, 16).doc),
)
measure(
  '300 lessons of varied words (compresses as real text does, about 3 to 1)',
  Y.encodeStateAsUpdate(variedCourse(300)),
)
