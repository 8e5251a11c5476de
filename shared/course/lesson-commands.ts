import * as Y from 'yjs'
import { newLessonId } from './ids'
import { clampIndex, keyForIndex } from './order-keys'
import { readOutline, type OutlineLesson } from './outline'
import { LESSON, lessonPlace, lessonsMap, sectionsMap, type StoredPlace } from './schema'
import { revive } from './section-commands'
import { runCommand } from './transact'
import type { LessonId, LessonPlace, SectionId } from './types'

export interface NewLesson {
  readonly sectionId: SectionId
  readonly title: string
  /** Position within the section; defaults to the end. */
  readonly index?: number
}

/** The lessons of a section as shown now, in order (empty for a hidden or unknown section). */
const lessonsOf = (doc: Y.Doc, sectionId: string): readonly OutlineLesson[] =>
  readOutline(doc).find((section) => section.id === sectionId)?.lessons ?? []

/** A destination that does not exist is a caller's bug, not a race: sections are never removed from the map. */
const sectionOrThrow = (doc: Y.Doc, sectionId: SectionId, command: string): Y.Map<unknown> => {
  const section = sectionsMap(doc).get(sectionId)
  if (section === undefined) throw new Error(`${command}: unknown section ${sectionId}`)
  return section
}

export const addLesson = (doc: Y.Doc, lesson: NewLesson): LessonId => {
  const section = sectionOrThrow(doc, lesson.sectionId, 'addLesson')
  return runCommand(doc, () => {
    const id = newLessonId()
    const place: StoredPlace = {
      sectionId: lesson.sectionId,
      order: keyForIndex(lessonsOf(doc, lesson.sectionId), lesson.index),
    }
    const entry = new Y.Map<unknown>()
    entry.set(LESSON.title, lesson.title)
    entry.set(LESSON.place, place)
    entry.set(LESSON.body, new Y.XmlFragment())
    lessonsMap(doc).set(id, entry)
    revive(section)
    return id
  })
}

/** Unknown ids are ignored: a peer may have deleted the lesson a moment before the command ran. */
export const renameLesson = (doc: Y.Doc, id: LessonId, title: string): void => {
  const lesson = lessonsMap(doc).get(id)
  if (lesson === undefined) return
  runCommand(doc, () => lesson.set(LESSON.title, title))
}

/** Removes the lesson and its body; a concurrent move or edit of it does not bring it back. */
export const deleteLesson = (doc: Y.Doc, id: LessonId): void => {
  if (!lessonsMap(doc).has(id)) return
  runCommand(doc, () => lessonsMap(doc).delete(id))
}

/**
 * Moves a lesson within or across sections by rewriting its place: one JSON value, so the section and position
 * change together and a concurrent move of the same lesson wins or loses as a whole. The body is not touched,
 * so edits made meanwhile are kept. `place.index` is the position among the destination's other lessons.
 */
export const moveLesson = (doc: Y.Doc, id: LessonId, place: LessonPlace): void => {
  const lesson = lessonsMap(doc).get(id)
  const section = sectionOrThrow(doc, place.sectionId, 'moveLesson')
  if (lesson === undefined) return
  const destination = lessonsOf(doc, place.sectionId)
  const others = destination.filter((entry) => entry.id !== id)
  const target = clampIndex(place.index, others.length)
  const current =
    lessonPlace(lesson)?.sectionId === place.sectionId ? destination.findIndex((e) => e.id === id) : -1
  if (current === target) return
  runCommand(doc, () => {
    const next: StoredPlace = { sectionId: place.sectionId, order: keyForIndex(others, target) }
    lesson.set(LESSON.place, next)
    revive(section)
  })
}
