import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bold, doc, heading, p, question } from '../../tests/fixtures/content'
import { buildCourseDoc } from '../../tests/fixtures/course-builder'
import {
  addLesson,
  addSection,
  deleteLesson,
  moveLesson,
  renameCourse,
  renameLesson,
  updateCourseSettings,
  writeLessonContent,
} from '../course/commands'
import { readLessonContent } from '../course/content-io'
import { findLesson, lessonBody, readCourse } from '../course/read'
import type { LessonId, SectionId } from '../course/types'
import { compareCourses } from './compare'
import { openVersion, takeVersion } from './history-doc'
import { restoreCourse, restoreLesson } from './restore'

/** The value, or a failed test saying what was missing. */
const defined = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('expected a value')
  return value
}

const ann = { id: 'u-ann', name: 'Ann' }

const startingCourse = (): Y.Doc =>
  buildCourseDoc({
    title: 'Invoicing',
    passingScore: 70,
    sections: [
      {
        title: 'Basics',
        lessons: [
          {
            title: 'Drafts',
            body: doc(
              heading(2, 'Drafts'),
              p('Drafts can be edited freely.'),
              p('Issued invoices are corrected with a credit note.'),
              p('Bob writes here.'),
              question({ id: 'q1', prompt: 'Can a draft change?', choices: ['*Yes', 'No'] }),
            ),
          },
          { title: 'Customers', body: doc(p('Every invoice starts from the customer.')) },
        ],
      },
      { title: 'Payments', lessons: [{ title: 'Matching', body: doc(p('Payments are matched daily.')) }] },
    ],
  })

const lessonNamed = (course: Y.Doc, title: string): LessonId => {
  for (const section of readCourse(course).sections) {
    const lesson = section.lessons.find((entry) => entry.title === title)
    if (lesson !== undefined) return lesson.id
  }
  throw new Error(`no lesson ${title}`)
}

const paragraph = (course: Y.Doc, id: LessonId, index: number): Y.XmlText => {
  const block = lessonBody(course, id)?.get(index)
  const text = block instanceof Y.XmlElement ? block.get(0) : undefined
  if (!(text instanceof Y.XmlText)) throw new Error(`block ${index} holds no text`)
  return text
}

const texts = (course: Y.Doc, id: LessonId): string[] =>
  (readLessonContent(course, id).content ?? []).map((block) =>
    (block.content ?? []).map((inline) => inline.text ?? '').join(''),
  )

/** Two authors' course documents in sync, plus the history holding a version of the course as it starts. */
const twoAuthors = () => {
  const annCourse = startingCourse()
  const bobCourse = new Y.Doc()
  Y.applyUpdate(bobCourse, Y.encodeStateAsUpdate(annCourse))
  const history = new Y.Doc()
  const version = takeVersion(history, annCourse, { reason: 'named', name: 'Approved', by: ann })
  return { annCourse, bobCourse, history, version }
}

const share = (from: Y.Doc, to: Y.Doc): void =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

/** Everything a reader sees: outline, details and every lesson body. */
const readAll = (course: Y.Doc): unknown => ({
  course: { ...readCourse(course), meta: { ...readCourse(course).meta, updatedAt: 0 } },
  lessons: readCourse(course).sections.flatMap((s) => s.lessons.map((l) => readLessonContent(course, l.id))),
})

/**
 * Runs Ann's restore and Bob's concurrent edit on their own documents, then merges them both ways round: Ann's
 * document gets Bob's edit after her restore, and a third replica gets Bob's edit first. Returns both.
 */
const mergeBothOrders = (annCourse: Y.Doc, bobCourse: Y.Doc, restore: () => void, bobEdits: () => void) => {
  const base = Y.encodeStateAsUpdate(annCourse)
  const beforeAnn = Y.encodeStateVector(annCourse)
  const beforeBob = Y.encodeStateVector(bobCourse)
  restore()
  bobEdits()
  const restoreUpdate = Y.encodeStateAsUpdate(annCourse, beforeAnn)
  const bobUpdate = Y.encodeStateAsUpdate(bobCourse, beforeBob)
  const bobFirst = new Y.Doc()
  Y.applyUpdate(bobFirst, base)
  Y.applyUpdate(bobFirst, bobUpdate)
  Y.applyUpdate(bobFirst, restoreUpdate)
  Y.applyUpdate(annCourse, bobUpdate)
  Y.applyUpdate(bobCourse, restoreUpdate)
  expect(readAll(bobFirst)).toEqual(readAll(annCourse))
  expect(readAll(bobCourse)).toEqual(readAll(annCourse))
  return bobFirst
}

describe('restoring a lesson', () => {
  it('brings back its text, title and place while a co-author types in it, keeping their text; one undo takes it back', () => {
    const { annCourse, bobCourse, history, version } = twoAuthors()
    const drafts = lessonNamed(annCourse, 'Drafts')
    const payments = defined(readCourse(annCourse).sections[1]).id
    const first = paragraph(annCourse, drafts, 1)
    annCourse.transact(() => first.insert(first.length - 1, ' until issued'))
    defined(lessonBody(annCourse, drafts)).delete(2, 1)
    renameLesson(annCourse, drafts, 'Draft invoices')
    moveLesson(annCourse, drafts, { sectionId: payments, index: 1 })
    share(annCourse, bobCourse)
    const edited = readAll(annCourse)

    const opened = defined(openVersion(history, version.id))
    let handle: ReturnType<typeof restoreLesson> | undefined
    const bobFirst = mergeBothOrders(
      annCourse,
      bobCourse,
      () => (handle = restoreLesson(annCourse, opened, drafts)),
      () => {
        const bobs = paragraph(bobCourse, drafts, 2)
        bobCourse.transact(() => bobs.insert(bobs.length, ' And Bob adds this.'))
        defined(lessonBody(bobCourse, drafts)).insert(3, [new Y.XmlElement('paragraph')])
      },
    )

    for (const replica of [annCourse, bobCourse, bobFirst]) {
      expect(texts(replica, drafts)).toEqual([
        'Drafts',
        'Drafts can be edited freely.',
        'Issued invoices are corrected with a credit note.',
        'Bob writes here. And Bob adds this.',
        '',
        '',
      ])
      const found = findLesson(readCourse(replica), drafts)
      expect([found?.lesson.title, found?.section.title, found?.index]).toEqual(['Drafts', 'Basics', 0])
    }

    defined(handle).undo()
    share(annCourse, bobCourse)
    for (const replica of [annCourse, bobCourse]) {
      expect(texts(replica, drafts)).toEqual([
        'Drafts',
        'Drafts can be edited freely until issued.',
        'Bob writes here. And Bob adds this.',
        '',
        '',
      ])
      expect(findLesson(readCourse(replica), drafts)?.lesson.title).toBe('Draft invoices')
    }
    expect(readAll(annCourse)).not.toEqual(edited)
    defined(handle).undo()
    expect(findLesson(readCourse(annCourse), drafts)?.lesson.title).toBe('Draft invoices')
  })

  it('brings back a lesson deleted since, under its own id, and its section if that was deleted too', () => {
    const { annCourse, history, version } = twoAuthors()
    const matching = lessonNamed(annCourse, 'Matching')
    const before = readLessonContent(annCourse, matching)
    deleteLesson(annCourse, matching)
    const handle = restoreLesson(annCourse, defined(openVersion(history, version.id)), matching)
    expect(readLessonContent(annCourse, matching)).toEqual(before)
    expect(findLesson(readCourse(annCourse), matching)?.section.title).toBe('Payments')
    handle.undo()
    expect(findLesson(readCourse(annCourse), matching)).toBeUndefined()
  })

  it('leaves a lesson the version does not have as it is', () => {
    const { annCourse, history, version } = twoAuthors()
    const sectionId = defined(readCourse(annCourse).sections[0]).id as SectionId
    const added = addLesson(annCourse, { sectionId, title: 'New' })
    const handle = restoreLesson(annCourse, defined(openVersion(history, version.id)), added)
    expect(findLesson(readCourse(annCourse), added)?.lesson.title).toBe('New')
    handle.release()
    handle.undo()
    expect(findLesson(readCourse(annCourse), added)?.lesson.title).toBe('New')
  })
})

describe('restoring the course', () => {
  it('brings back details, outline and lessons while a co-author edits a lesson; one undo takes it back', () => {
    const { annCourse, bobCourse, history, version } = twoAuthors()
    const atVersion = readAll(annCourse)
    const drafts = lessonNamed(annCourse, 'Drafts')
    const customers = lessonNamed(annCourse, 'Customers')
    const matching = lessonNamed(annCourse, 'Matching')
    renameCourse(annCourse, 'Invoicing 2')
    updateCourseSettings(annCourse, { passingScore: 90, askLessonReactions: true })
    deleteLesson(annCourse, customers)
    renameLesson(annCourse, matching, 'Bank matching')
    const sectionId = defined(readCourse(annCourse).sections[0]).id as SectionId
    const added = addLesson(annCourse, { sectionId, title: 'Credit notes', index: 0 })
    writeLessonContent(annCourse, added, doc(p('New since.')))
    const rewritten = paragraph(annCourse, drafts, 1)
    annCourse.transact(() => rewritten.insert(0, 'Most '))
    share(annCourse, bobCourse)
    const beforeRestore = readAll(annCourse)

    let handle: ReturnType<typeof restoreCourse> | undefined
    mergeBothOrders(
      annCourse,
      bobCourse,
      () => (handle = restoreCourse(annCourse, defined(openVersion(history, version.id)))),
      () => {
        const bobs = paragraph(bobCourse, drafts, 3)
        bobCourse.transact(() => bobs.insert(bobs.length, ' Bob was here.'))
      },
    )

    const expected = atVersion as { lessons: unknown[] }
    const restored = readAll(annCourse) as { course: unknown; lessons: unknown[] }
    expect(restored.course).toEqual((atVersion as { course: unknown }).course)
    expect(texts(annCourse, drafts)[3]).toBe('Bob writes here. Bob was here.')
    expect(restored.lessons.filter((_, i) => i !== 0)).toEqual(expected.lessons.filter((_, i) => i !== 0))
    expect(texts(annCourse, drafts)).toEqual([
      'Drafts',
      'Drafts can be edited freely.',
      'Issued invoices are corrected with a credit note.',
      'Bob writes here. Bob was here.',
      '',
    ])

    defined(handle).undo()
    share(annCourse, bobCourse)
    const undone = readAll(bobCourse) as { course: unknown; lessons: unknown[] }
    expect(undone.course).toEqual((beforeRestore as { course: unknown }).course)
    expect(texts(bobCourse, drafts)).toContain('Bob writes here. Bob was here.')
    expect(texts(bobCourse, drafts)[1]).toBe('Most Drafts can be edited freely.')
  })

  it('leaves nothing for a comparison with the version to find, whatever was edited', () => {
    const { annCourse, history } = twoAuthors()
    const drafts = lessonNamed(annCourse, 'Drafts')
    // Two bold runs written apart keep a format boundary between them in Yjs; a restore writes one run.
    writeLessonContent(annCourse, drafts, doc(p(bold('Two '), bold('bold runs'), ' then plain.'), p('Kept.')))
    const version = takeVersion(history, annCourse, { reason: 'named', name: 'Runs', by: ann })
    writeLessonContent(annCourse, drafts, doc(p('All ', bold('new'), ' text.'), p('Kept.')))
    renameLesson(annCourse, lessonNamed(annCourse, 'Matching'), 'Bank matching')
    deleteLesson(annCourse, lessonNamed(annCourse, 'Customers'))
    const opened = defined(openVersion(history, version.id))
    restoreCourse(annCourse, opened).release()
    const { lessons, counts } = compareCourses(opened, annCourse)
    expect(counts).toEqual({ added: 0, removed: 0, changed: 0, questions: 0 })
    expect(lessons.filter((lesson) => lesson.moved !== undefined)).toEqual([])
  })
})

/** Inserts `words` at the end of paragraph `index` of the lesson, as one keystroke run by that author. */
const typeInto = (course: Y.Doc, id: LessonId, index: number, words: string): void => {
  const text = paragraph(course, id, index)
  course.transact(() => text.insert(text.length, words))
}

/** A new paragraph holding `words`, inserted at `index` of the lesson body. */
const insertParagraph = (course: Y.Doc, id: LessonId, index: number, words: string): void =>
  course.transact(() => {
    const block = new Y.XmlElement('paragraph')
    block.insert(0, [new Y.XmlText(words)])
    defined(lessonBody(course, id)).insert(index, [block])
  })

describe('restoring with keepSince: what others write after the restorer began reviewing stays', () => {
  /** Ann edits the first paragraph and Bob has it; then Ann opens the version (review begins). */
  const reviewing = () => {
    const authors = twoAuthors()
    const drafts = lessonNamed(authors.annCourse, 'Drafts')
    typeInto(authors.annCourse, drafts, 1, ' Ann edits.')
    share(authors.annCourse, authors.bobCourse)
    return { ...authors, drafts }
  }

  it('keeps a sentence Bob is typing live (half received before the restore), in both merge orders; one undo takes back exactly the restore', () => {
    const { annCourse, bobCourse, history, version, drafts } = reviewing()
    const keepSince = Y.encodeStateVector(annCourse)
    typeInto(bobCourse, drafts, 3, ' And Bob')
    share(bobCourse, annCourse)
    const withoutKeep = new Y.Doc()
    Y.applyUpdate(withoutKeep, Y.encodeStateAsUpdate(annCourse))

    const opened = defined(openVersion(history, version.id))
    let handle: ReturnType<typeof restoreLesson> | undefined
    const bobFirst = mergeBothOrders(
      annCourse,
      bobCourse,
      () => (handle = restoreLesson(annCourse, opened, drafts, { keepSince })),
      () => typeInto(bobCourse, drafts, 3, ' adds this.'),
    )
    for (const replica of [annCourse, bobCourse, bobFirst]) {
      expect(texts(replica, drafts).slice(1, 4)).toEqual([
        'Drafts can be edited freely.',
        'Issued invoices are corrected with a credit note.',
        'Bob writes here. And Bob adds this.',
      ])
    }

    defined(handle).undo()
    share(annCourse, bobCourse)
    for (const replica of [annCourse, bobCourse]) {
      expect(texts(replica, drafts).slice(1, 4)).toEqual([
        'Drafts can be edited freely. Ann edits.',
        'Issued invoices are corrected with a credit note.',
        'Bob writes here. And Bob adds this.',
      ])
    }

    // Without keepSince, the half Ann had received counts as the course now, and the restore takes it out.
    restoreLesson(withoutKeep, opened, drafts).release()
    expect(texts(withoutKeep, drafts)[3]).toBe('Bob writes here.')
  })

  it('reverts what Bob wrote before review began (Ann saw it in the comparison) and what Ann writes herself', () => {
    const { annCourse, bobCourse, history, version, drafts } = reviewing()
    typeInto(bobCourse, drafts, 3, ' Seen by Ann.')
    share(bobCourse, annCourse)
    const keepSince = Y.encodeStateVector(annCourse)
    typeInto(annCourse, drafts, 2, ' Ann again.')
    restoreLesson(annCourse, defined(openVersion(history, version.id)), drafts, { keepSince }).release()
    expect(texts(annCourse, drafts).slice(1, 4)).toEqual([
      'Drafts can be edited freely.',
      'Issued invoices are corrected with a credit note.',
      'Bob writes here.',
    ])
  })

  it('keeps a paragraph Bob inserted, in its place, and his words in a paragraph the version lacks', () => {
    const { annCourse, bobCourse, history, version, drafts } = reviewing()
    insertParagraph(annCourse, drafts, 2, 'Ann added this paragraph.')
    share(annCourse, bobCourse)
    const keepSince = Y.encodeStateVector(annCourse)
    insertParagraph(bobCourse, drafts, 2, 'Bob’s new paragraph.')
    typeInto(bobCourse, drafts, 3, ' Bob too.')
    share(bobCourse, annCourse)

    let handle: ReturnType<typeof restoreLesson> | undefined
    const bobFirst = mergeBothOrders(
      annCourse,
      bobCourse,
      () =>
        (handle = restoreLesson(annCourse, defined(openVersion(history, version.id)), drafts, { keepSince })),
      () => typeInto(bobCourse, drafts, 2, ' More.'),
    )
    for (const replica of [annCourse, bobCourse, bobFirst]) {
      expect(texts(replica, drafts)).toEqual([
        'Drafts',
        'Drafts can be edited freely.',
        'Bob’s new paragraph. More.',
        ' Bob too.',
        'Issued invoices are corrected with a credit note.',
        'Bob writes here.',
        '',
      ])
    }
    defined(handle).undo()
    expect(texts(annCourse, drafts).slice(1, 4)).toEqual([
      'Drafts can be edited freely. Ann edits.',
      'Bob’s new paragraph. More.',
      'Ann added this paragraph. Bob too.',
    ])
  })

  it('keeps, on a course restore, a lesson Bob added and the section it is in', () => {
    const { annCourse, bobCourse, history, version } = twoAuthors()
    const extra = addSection(annCourse, { title: 'Extras' })
    const annsLesson = addLesson(annCourse, { sectionId: extra, title: 'Ann’s lesson' })
    share(annCourse, bobCourse)
    const keepSince = Y.encodeStateVector(annCourse)
    const bobsLesson = addLesson(bobCourse, { sectionId: extra, title: 'Bob’s lesson' })
    share(bobCourse, annCourse)

    restoreCourse(annCourse, defined(openVersion(history, version.id)), { keepSince }).release()
    const outline = readCourse(annCourse)
    expect(findLesson(outline, annsLesson)).toBeUndefined()
    expect(findLesson(outline, bobsLesson)?.section.title).toBe('Extras')
    expect(outline.sections.map((section) => section.title)).toEqual(['Basics', 'Payments', 'Extras'])
  })
})
