/**
 * The ordered outline as the document holds it, with the order keys the commands need to place items.
 * read.ts turns it into the public snapshot; commands.ts uses it so "index" means the same thing to both.
 */
import type * as Y from 'yjs'
import { compareOrdered } from './order-keys'
import { SECTION, LESSON, lessonPlace, lessonsMap, sectionsMap, stringOr } from './schema'

export interface OutlineLesson {
  readonly id: string
  readonly order: string
  readonly title: string
  readonly sectionId: string
}

export interface OutlineSection {
  readonly id: string
  readonly order: string
  readonly title: string
  readonly deleted: boolean
  readonly lessons: readonly OutlineLesson[]
}

const readLessons = (doc: Y.Doc): Map<string, OutlineLesson[]> => {
  const bySection = new Map<string, OutlineLesson[]>()
  lessonsMap(doc).forEach((lesson, id) => {
    const place = lessonPlace(lesson)
    if (place === undefined) return
    const entry = {
      id,
      order: place.order,
      title: stringOr(lesson.get(LESSON.title), ''),
      sectionId: place.sectionId,
    }
    const list = bySection.get(place.sectionId)
    if (list === undefined) bySection.set(place.sectionId, [entry])
    else list.push(entry)
  })
  return bySection
}

/**
 * Every section that shows: live ones, and deleted ones that still hold a live lesson (someone added or moved
 * it there while another deleted the section) — hiding those would lose the lesson.
 * A lesson whose section id is unknown cannot arise from commands (the section always travels with or before
 * it), so it is left out rather than shown somewhere arbitrary.
 */
export const readOutline = (doc: Y.Doc): OutlineSection[] => {
  const lessonsBySection = readLessons(doc)
  const sections: OutlineSection[] = []
  sectionsMap(doc).forEach((section, id) => {
    const lessons = (lessonsBySection.get(id) ?? []).sort(compareOrdered)
    const deleted = section.get(SECTION.deleted) === true
    if (deleted && lessons.length === 0) return
    sections.push({
      id,
      order: stringOr(section.get(SECTION.order), ''),
      title: stringOr(section.get(SECTION.title), ''),
      deleted,
      lessons,
    })
  })
  return sections.sort(compareOrdered)
}
