/**
 * Courses for the client benchmark: N lessons of ordinary text (StarterKit nodes only, so the bare-Tiptap floor
 * renders exactly what the app renders), and optionally a history: the rows the app leaves behind while someone
 * types, one row per keystroke after a first row holding the course as it was.
 */
import * as Y from 'yjs'
import type { ContentNode } from '../../../shared/course/content'
import { newCourseId } from '../../../shared/course/ids'
import { readCourse } from '../../../shared/course/read'
import { lessonBodyOf, lessonsMap } from '../../../shared/course/schema'
import type { CourseId, LessonId } from '../../../shared/course/types'
import { bold, bullets, doc, heading, p } from '../../fixtures/content'
import { buildCourseDoc } from '../../fixtures/course-builder'

const SENTENCES = [
  'Every invoice starts from the customer record, which holds the billing address, currency and payment terms.',
  'Drafts can be edited freely; once issued, an invoice is corrected only with a credit note.',
  'Payments arrive from the bank feed each morning and are matched by reference and amount.',
  'Anything Ledgerly cannot match with confidence waits in the Unmatched list for a person to allocate.',
  'Subscriptions renew on their anniversary date and prorate any change made in the middle of a period.',
  'The month-end close locks the period, after which nothing dated in it can change.',
]

const paragraph = (seed: number): ContentNode =>
  p(
    ...Array.from({ length: 3 }, (_, i) => `${SENTENCES[(seed + i) % SENTENCES.length]} `),
    bold(`Note ${seed}.`),
  )

/** What a lesson's editor shows first, so the benchmark can tell the lesson is on screen. */
export const lessonMarker = (n: number): string => `Part ${n + 1} of the course`

const lessonBody = (n: number): ContentNode =>
  doc(
    heading(2, lessonMarker(n)),
    paragraph(n),
    paragraph(n + 1),
    bullets('Check the account', 'Check the terms', 'Check the currency'),
    paragraph(n + 2),
  )

export interface BenchCourse {
  readonly id: CourseId
  readonly title: string
  readonly lessons: number
  /** Lesson ids in outline order, with the titles the outline shows. */
  readonly order: readonly { readonly id: LessonId; readonly title: string; readonly marker: string }[]
  /** The rows to store, oldest first. */
  readonly rows: readonly Uint8Array[]
  /** The whole course as one update: what `Y.applyUpdate` floors are measured on. */
  readonly state: Uint8Array
}

/** A course of `lessons` lessons, 20 to a section; with `historyRows` it is stored as that many rows. */
export const generateBenchCourse = (lessons: number, historyRows = 1): BenchCourse => {
  const id = newCourseId()
  const title = `Bench ${lessons} lessons${historyRows > 1 ? `, ${historyRows} rows` : ''}`
  const perSection = 20
  const course = buildCourseDoc({
    id,
    title,
    sections: Array.from({ length: Math.ceil(lessons / perSection) }, (_, s) => ({
      title: `Section ${s + 1}`,
      lessons: Array.from({ length: Math.min(perSection, lessons - s * perSection) }, (_, i) => {
        const n = s * perSection + i
        return { title: `Lesson ${n + 1}`, body: lessonBody(n) }
      }),
    })),
  })
  const order = readCourse(course).sections.flatMap((section) =>
    section.lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      marker: lessonMarker(Number(lesson.title.replace('Lesson ', '')) - 1),
    })),
  )
  const rows: Uint8Array[] = [Y.encodeStateAsUpdate(course)]
  const keystroke = (update: Uint8Array) => rows.push(update)
  course.on('update', keystroke)
  // One keystroke per transaction, as Tiptap writes them: 40 characters into each lesson in turn.
  const all = [...lessonsMap(course).values()]
  for (let k = 0; rows.length < historyRows; k++) {
    const lesson = all[Math.floor(k / 40) % all.length]
    const paragraphNode = lesson ? lessonBodyOf(lesson)?.get(1) : undefined
    const text = paragraphNode instanceof Y.XmlElement ? paragraphNode.get(0) : undefined
    if (!(text instanceof Y.XmlText)) throw new Error('generated lesson has no paragraph text')
    course.transact(() => text.insert(k % 40, 'abcdefghij'[k % 10] ?? 'x'))
  }
  course.off('update', keystroke)
  const state = Y.encodeStateAsUpdate(course)
  course.destroy()
  return { id, title, lessons, order, rows, state }
}
