/**
 * Two states of a course compared for people: which lessons were added, removed, renamed, moved or changed, each
 * changed lesson's text block by block with added and removed words, and its questions' changes. Plus the same
 * as plain release notes for an LMS admin.
 */
import type * as Y from 'yjs'
import { readLessonContent } from '../course/content-io'
import { readOutline } from '../course/outline'
import { lessonBodyOf, lessonsMap } from '../course/schema'
import type { LessonId } from '../course/types'
import { contentKey, readLessonText, type ComparedQuestion } from './lesson-text'
import type { CourseComparison, LessonComparison, QuestionChange, TextRun, VersionSummary } from './types'
import { diffBlocks } from './word-diff'

interface PlacedLesson {
  readonly id: string
  readonly title: string
  readonly order: string
  readonly sectionId: string
  readonly sectionTitle: string
}

const placedLessons = (doc: Y.Doc): PlacedLesson[] =>
  readOutline(doc).flatMap((section) =>
    section.lessons.map((lesson) => ({ ...lesson, sectionTitle: section.title })),
  )

const bodyXml = (doc: Y.Doc, id: string): string => {
  const lesson = lessonsMap(doc).get(id)
  return (lesson === undefined ? undefined : lessonBodyOf(lesson)?.toString()) ?? ''
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index])

/** What changed in a question, in the words the History panel and release notes show. */
const questionDifferences = (before: ComparedQuestion, after: ComparedQuestion): string[] => {
  const what: string[] = []
  if (before.prompt !== after.prompt) what.push('prompt')
  if (before.kind !== after.kind) what.push('question type')
  const texts = (q: ComparedQuestion): string[] => q.choices.map((choice) => choice.text)
  const correct = (q: ComparedQuestion): string[] => q.choices.filter((c) => c.correct).map((c) => c.text)
  if (!sameList(texts(before), texts(after))) what.push('choices')
  if (!sameList(correct(before), correct(after))) what.push('correct answer')
  if (!sameList(before.feedback, after.feedback)) what.push('feedback')
  return what
}

const compareQuestions = (
  before: readonly ComparedQuestion[],
  after: readonly ComparedQuestion[],
): QuestionChange[] => {
  const earlier = new Map(before.map((question) => [question.key, question]))
  const later = new Set(after.map((question) => question.key))
  const changes: QuestionChange[] = []
  for (const question of after) {
    const then = earlier.get(question.key)
    if (then === undefined) {
      changes.push({ kind: 'added', prompt: question.prompt, what: [] })
      continue
    }
    const what = questionDifferences(then, question)
    if (what.length > 0) changes.push({ kind: 'changed', prompt: question.prompt, what })
  }
  for (const question of before) {
    if (!later.has(question.key)) changes.push({ kind: 'removed', prompt: question.prompt, what: [] })
  }
  return changes
}

const wholeText = (blocks: readonly string[], kind: TextRun['kind']): TextRun[][] =>
  blocks.map((text) => [{ kind, text }])

const addedLesson = (after: Y.Doc, now: PlacedLesson): LessonComparison => {
  const text = readLessonText(readLessonContent(after, now.id as LessonId))
  return {
    id: now.id as LessonId,
    status: 'added',
    title: now.title,
    blocks: wholeText(text.blocks, 'added'),
    questions: compareQuestions([], text.questions),
  }
}

const removedLesson = (before: Y.Doc, then: PlacedLesson): LessonComparison => {
  const text = readLessonText(readLessonContent(before, then.id as LessonId))
  return {
    id: then.id as LessonId,
    status: 'removed',
    title: then.title,
    blocks: wholeText(text.blocks, 'removed'),
    questions: compareQuestions(text.questions, []),
  }
}

const keptLesson = (before: Y.Doc, after: Y.Doc, then: PlacedLesson, now: PlacedLesson): LessonComparison => {
  const id = now.id as LessonId
  const renamed = then.title !== now.title
  const moved = then.sectionId !== now.sectionId || then.order !== now.order
  const oldBody = bodyXml(before, id) === bodyXml(after, id) ? undefined : readLessonContent(before, id)
  const newBody = oldBody === undefined ? undefined : readLessonContent(after, id)
  // Equal XML means equal bodies; unequal XML may still be the same content split into runs differently.
  const bodyChanged =
    oldBody !== undefined && newBody !== undefined && contentKey(oldBody) !== contentKey(newBody)
  const oldText = bodyChanged ? readLessonText(oldBody) : undefined
  const newText = bodyChanged ? readLessonText(newBody) : undefined
  return {
    id,
    status: renamed || bodyChanged ? 'changed' : 'unchanged',
    title: now.title,
    ...(renamed ? { previousTitle: then.title } : {}),
    ...(moved ? { moved: { fromSection: then.sectionTitle, toSection: now.sectionTitle } } : {}),
    blocks: oldText && newText ? diffBlocks(oldText.blocks, newText.blocks) : [],
    questions: oldText && newText ? compareQuestions(oldText.questions, newText.questions) : [],
  }
}

/** The newer outline's lessons in order, each removed lesson right after the lesson it followed before. */
const lessonOrder = (before: readonly PlacedLesson[], after: readonly PlacedLesson[]): string[] => {
  const order = after.map((lesson) => lesson.id)
  const present = new Set(order)
  let previous: string | undefined
  for (const lesson of before) {
    if (!present.has(lesson.id)) {
      const at = previous === undefined ? 0 : order.indexOf(previous) + 1
      order.splice(at, 0, lesson.id)
      present.add(lesson.id)
    }
    previous = lesson.id
  }
  return order
}

export const compareCourses = (before: Y.Doc, after: Y.Doc): CourseComparison => {
  const then = placedLessons(before)
  const now = placedLessons(after)
  const thenById = new Map(then.map((lesson) => [lesson.id, lesson]))
  const nowById = new Map(now.map((lesson) => [lesson.id, lesson]))
  const lessons = lessonOrder(then, now).flatMap((id): LessonComparison[] => {
    const earlier = thenById.get(id)
    const later = nowById.get(id)
    if (earlier === undefined) return later === undefined ? [] : [addedLesson(after, later)]
    return [later === undefined ? removedLesson(before, earlier) : keptLesson(before, after, earlier, later)]
  })
  const count = (status: LessonComparison['status']): number =>
    lessons.filter((lesson) => lesson.status === status).length
  return {
    lessons,
    counts: {
      added: count('added'),
      removed: count('removed'),
      changed: count('changed'),
      questions: lessons.reduce((sum, lesson) => sum + lesson.questions.length, 0),
    },
  }
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })

const sinceLine = (from: VersionSummary | null): string => {
  if (from === null) return 'First version: everything is new.'
  const date = DATE.format(new Date(from.createdAt))
  const how = from.reason === 'publish' ? 'published' : from.reason === 'export' ? 'exported' : 'saved'
  const which =
    from.published !== undefined
      ? `version ${from.published.number}`
      : from.name !== ''
        ? `the version "${from.name}"`
        : 'the previous version'
  return `Changes since ${which} (${how} ${date}):`
}

const quoted = (text: string): string => `"${text}"`

const moveNote = ({ fromSection, toSection }: NonNullable<LessonComparison['moved']>): string =>
  fromSection === toSection
    ? `moved within ${quoted(toSection)}`
    : `moved from ${quoted(fromSection)} to ${quoted(toSection)}`

const lessonLine = (lesson: LessonComparison): string => {
  const notes = [
    ...(lesson.previousTitle === undefined ? [] : [`renamed from ${quoted(lesson.previousTitle)}`]),
    ...(lesson.moved === undefined ? [] : [moveNote(lesson.moved)]),
  ]
  return `- ${lesson.title}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`
}

const questionLine = (lesson: LessonComparison, change: QuestionChange): string => {
  const prompt = change.prompt === '' ? 'a question' : quoted(change.prompt)
  const detail = change.kind === 'changed' ? `changed: ${change.what.join(', ')}` : change.kind
  return `- ${prompt} in ${lesson.title}: ${detail}`
}

/** Plain text an LMS admin can paste into a change log; sections without entries are left out. */
export const releaseNotes = (
  comparison: CourseComparison,
  course: { readonly title: string },
  from: VersionSummary | null,
): string => {
  const pick = (status: LessonComparison['status']): LessonComparison[] =>
    comparison.lessons.filter((lesson) => lesson.status === status)
  const moved = comparison.lessons.filter(
    (lesson) => lesson.status === 'unchanged' && lesson.moved !== undefined,
  )
  const section = (heading: string, lines: readonly string[]): string[] =>
    lines.length === 0 ? [] : ['', `${heading} (${lines.length}):`, ...lines]
  const body = [
    ...section('Added lessons', pick('added').map(lessonLine)),
    ...section('Changed lessons', pick('changed').map(lessonLine)),
    ...section('Removed lessons', pick('removed').map(lessonLine)),
    ...section('Moved lessons', moved.map(lessonLine)),
    ...section(
      'Questions changed',
      comparison.lessons.flatMap((lesson) => lesson.questions.map((change) => questionLine(lesson, change))),
    ),
  ]
  return [
    course.title,
    sinceLine(from),
    ...(body.length === 0 ? ['', 'No changes to the lessons.'] : body),
  ].join('\n')
}
