import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bold, bullets, doc, image, p, question } from '../../tests/fixtures/content'
import { buildCourseDoc } from '../../tests/fixtures/course-builder'
import { addLesson, deleteLesson, moveLesson, renameLesson, writeLessonContent } from '../course/commands'
import { readCourse } from '../course/read'
import type { LessonId, SectionId } from '../course/types'
import { compareCourses, releaseNotes } from './compare'
import type { LessonComparison, VersionSummary } from './types'

/** The value, or a failed test saying what was missing. */
const defined = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('expected a value')
  return value
}

const HASH = 'a'.repeat(64)

const quiz = (prompt: string, choices: string[], right = 'That is right.') =>
  question({ id: 'q1', prompt, choices, right })

const startingCourse = (): Y.Doc =>
  buildCourseDoc({
    title: 'Invoicing',
    sections: [
      {
        title: 'Basics',
        lessons: [
          { title: 'Customers', body: doc(p('Every invoice starts from the customer record.')) },
          {
            title: 'Drafts',
            body: doc(
              p('Drafts can be edited freely; once issued, an invoice is corrected only with a credit note.'),
              bullets('Check the account', 'Check the terms'),
              quiz('Can a draft change?', ['*Yes', 'No']),
            ),
          },
          { title: 'Old lesson', body: doc(p('Soon gone.')) },
        ],
      },
      {
        title: 'Payments',
        lessons: [
          { title: 'Matching', body: doc(p('Payments are matched daily.'), image(HASH, 'Bank feed')) },
        ],
      },
    ],
  })

const copyOf = (course: Y.Doc): Y.Doc => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(course))
  return copy
}

const idOf = (course: Y.Doc, title: string): LessonId => {
  const lesson = readCourse(course)
    .sections.flatMap((section) => section.lessons)
    .find((entry) => entry.title === title)
  if (lesson === undefined) throw new Error(`no lesson ${title}`)
  return lesson.id
}

const byTitle = (lessons: readonly LessonComparison[], title: string): LessonComparison => {
  const lesson = lessons.find((entry) => entry.title === title)
  if (lesson === undefined) throw new Error(`no compared lesson ${title}`)
  return lesson
}

/** The course edited in every way the comparison reports. */
const editedCopy = (before: Y.Doc): Y.Doc => {
  const after = copyOf(before)
  const [basics, payments] = readCourse(after).sections.map((section) => section.id as SectionId)
  renameLesson(after, idOf(after, 'Customers'), 'Clients')
  moveLesson(after, idOf(after, 'Matching'), { sectionId: defined(basics), index: 0 })
  deleteLesson(after, idOf(after, 'Old lesson'))
  const added = addLesson(after, { sectionId: defined(payments), title: 'Refunds' })
  writeLessonContent(after, added, doc(p('Refunds go back to the card.')))
  writeLessonContent(
    after,
    idOf(after, 'Drafts'),
    doc(
      p(
        'Drafts can be changed freely; once ',
        bold('issued'),
        ', an invoice is corrected only with a credit note.',
      ),
      bullets('Check the account', 'Check the currency', 'Check the terms'),
      quiz('May a draft change?', ['Yes', '*No', 'Sometimes'], 'Correct.'),
      question({ id: 'q2', prompt: 'New question?', choices: ['*A', 'B'] }),
    ),
  )
  return after
}

describe('compareCourses', () => {
  it('reports added, removed, renamed, moved and changed lessons in the newer outline order', () => {
    const before = startingCourse()
    const after = editedCopy(before)
    const { lessons, counts } = compareCourses(before, after)

    expect(lessons.map((lesson) => [lesson.title, lesson.status])).toEqual([
      ['Matching', 'unchanged'],
      ['Clients', 'changed'],
      ['Drafts', 'changed'],
      ['Old lesson', 'removed'],
      ['Refunds', 'added'],
    ])
    expect(byTitle(lessons, 'Clients')).toMatchObject({
      previousTitle: 'Customers',
      blocks: [],
      questions: [],
    })
    expect(byTitle(lessons, 'Matching').moved).toEqual({ fromSection: 'Payments', toSection: 'Basics' })
    expect(byTitle(lessons, 'Drafts').moved).toBeUndefined()
    expect(byTitle(lessons, 'Old lesson').blocks).toEqual([[{ kind: 'removed', text: 'Soon gone.' }]])
    expect(byTitle(lessons, 'Refunds').blocks).toEqual([
      [{ kind: 'added', text: 'Refunds go back to the card.' }],
    ])
    expect(counts).toEqual({ added: 1, removed: 1, changed: 2, questions: 2 })
  })

  it('shows changed text word by word, and added and removed blocks whole', () => {
    const before = startingCourse()
    const drafts = byTitle(compareCourses(before, editedCopy(before)).lessons, 'Drafts')
    expect(drafts.blocks).toEqual([
      [
        { kind: 'same', text: 'Drafts can be ' },
        { kind: 'removed', text: 'edited' },
        { kind: 'added', text: 'changed' },
        { kind: 'same', text: ' freely; once issued, an invoice is corrected only with a credit note.' },
      ],
      [{ kind: 'same', text: '• Check the account' }],
      [{ kind: 'added', text: '• Check the currency' }],
      [{ kind: 'same', text: '• Check the terms' }],
    ])
  })

  it('lists question changes: prompt, choices, correct answer, feedback, added and removed', () => {
    const before = startingCourse()
    const after = editedCopy(before)
    expect(byTitle(compareCourses(before, after).lessons, 'Drafts').questions).toEqual([
      {
        kind: 'changed',
        prompt: 'May a draft change?',
        what: ['prompt', 'choices', 'correct answer', 'feedback'],
      },
      { kind: 'added', prompt: 'New question?', what: [] },
    ])
    expect(byTitle(compareCourses(after, before).lessons, 'Drafts').questions).toEqual([
      {
        kind: 'changed',
        prompt: 'Can a draft change?',
        what: ['prompt', 'choices', 'correct answer', 'feedback'],
      },
      { kind: 'removed', prompt: 'New question?', what: [] },
    ])
  })

  it('finds nothing between a course and a copy of it', () => {
    const before = startingCourse()
    const { lessons, counts } = compareCourses(before, copyOf(before))
    expect(lessons.every((lesson) => lesson.status === 'unchanged' && lesson.blocks.length === 0)).toBe(true)
    expect(counts).toEqual({ added: 0, removed: 0, changed: 0, questions: 0 })
  })

  it('notes a move within a section; lessons the move passed over are not moved', () => {
    const before = startingCourse()
    const after = copyOf(before)
    const basics = defined(readCourse(after).sections[0]).id
    moveLesson(after, idOf(after, 'Old lesson'), { sectionId: basics, index: 0 })
    const { lessons } = compareCourses(before, after)
    expect(lessons.map((lesson) => [lesson.title, lesson.moved])).toEqual([
      ['Old lesson', { fromSection: 'Basics', toSection: 'Basics' }],
      ['Customers', undefined],
      ['Drafts', undefined],
      ['Matching', undefined],
    ])
    expect(
      releaseNotes(
        { lessons, counts: { added: 0, removed: 0, changed: 0, questions: 0 } },
        { title: 'C' },
        null,
      ),
    ).toContain('Moved lessons (1):\n- Old lesson (moved within "Basics")')
  })

  it('puts a removed lesson after the one it followed, even when that one was removed too', () => {
    const before = startingCourse()
    const after = copyOf(before)
    deleteLesson(after, idOf(after, 'Drafts'))
    deleteLesson(after, idOf(after, 'Old lesson'))
    expect(compareCourses(before, after).lessons.map((lesson) => lesson.title)).toEqual([
      'Customers',
      'Drafts',
      'Old lesson',
      'Matching',
    ])
  })
})

describe('releaseNotes', () => {
  const exported: VersionSummary = {
    id: 'v3' as VersionSummary['id'],
    name: '',
    reason: 'export',
    createdAt: Date.UTC(2026, 11, 2, 12, 0),
    createdBy: { id: 'u-ann', name: 'Ann' },
    contributors: [],
    changedLessons: [],
    published: { number: 3, format: 'scorm12' },
  }

  it('lists the changes since the last export in plain text', () => {
    const before = startingCourse()
    const notes = releaseNotes(compareCourses(before, editedCopy(before)), { title: 'Invoicing' }, exported)
    expect(notes).toBe(
      [
        'Invoicing',
        'Changes since version 3 (exported 2 Dec 2026):',
        '',
        'Added lessons (1):',
        '- Refunds',
        '',
        'Changed lessons (2):',
        '- Clients (renamed from "Customers")',
        '- Drafts',
        '',
        'Removed lessons (1):',
        '- Old lesson',
        '',
        'Moved lessons (1):',
        '- Matching (moved from "Payments" to "Basics")',
        '',
        'Questions changed (2):',
        '- "May a draft change?" in Drafts: changed: prompt, choices, correct answer, feedback',
        '- "New question?" in Drafts: added',
      ].join('\n'),
    )
  })

  it('says when nothing changed, and when there is no earlier version', () => {
    const before = startingCourse()
    expect(releaseNotes(compareCourses(before, copyOf(before)), { title: 'Invoicing' }, exported)).toBe(
      'Invoicing\nChanges since version 3 (exported 2 Dec 2026):\n\nNo changes to the lessons.',
    )
    expect(releaseNotes(compareCourses(new Y.Doc(), before), { title: 'Invoicing' }, null)).toMatch(
      /^Invoicing\nFirst version: everything is new\.\n\nAdded lessons \(4\):\n- Customers\n/,
    )
  })
})
