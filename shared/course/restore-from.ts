/**
 * Brings a course back to how another state of it (a saved version) has it, as new edits on top of the course
 * as it is now: only what differs is written, so co-authors' concurrent edits elsewhere survive the merge, and
 * nothing protected (protected-items.ts: what others wrote after the restorer began reviewing) is deleted. Call
 * inside one transaction (shared/history/restore.ts does, with an undo that takes it back).
 */
import * as Y from 'yjs'
import { isProtectedNode, type Protection } from './protected-items'
import { syncBody } from './restore-body'
import { sameValue } from './same-value'
import {
  LESSON,
  META,
  SECTION,
  lessonBodyOf,
  lessonPlace,
  lessonsMap,
  metaMap,
  sectionsMap,
  stringOr,
} from './schema'
import { revive } from './section-commands'
import type { LessonId } from './types'

/** Writes each key whose value differs; a key the source lacks is deleted (it reads as its default there). */
const syncPlainKeys = (target: Y.Map<unknown>, source: Y.Map<unknown>, keys: readonly string[]): void => {
  for (const key of keys) {
    if (!source.has(key)) {
      if (target.has(key)) target.delete(key)
    } else if (!target.has(key) || !sameValue(target.get(key), source.get(key))) {
      target.set(key, source.get(key))
    }
  }
}

const copyPlainMap = (source: Y.Map<unknown>, keys: readonly string[]): Y.Map<unknown> => {
  const copy = new Y.Map<unknown>()
  for (const key of keys) if (source.has(key)) copy.set(key, source.get(key))
  return copy
}

const SECTION_KEYS = [SECTION.title, SECTION.order, SECTION.deleted] as const

/** The lesson's section as the version has it, present and shown in the course (revived if deleted since). */
const ensureSection = (course: Y.Doc, version: Y.Doc, sectionId: string): void => {
  const section = sectionsMap(course).get(sectionId)
  if (section !== undefined) {
    revive(section)
    return
  }
  const source = sectionsMap(version).get(sectionId)
  const copy = source === undefined ? new Y.Map<unknown>() : copyPlainMap(source, SECTION_KEYS)
  if (source === undefined) copy.set(SECTION.title, '')
  copy.set(SECTION.deleted, false)
  sectionsMap(course).set(sectionId, copy)
}

/**
 * Gives the lesson the version's title, place and body; a lesson deleted since comes back under its own id.
 * Returns false (and changes nothing) when the version has no such lesson.
 */
export const restoreLessonFrom = (
  course: Y.Doc,
  version: Y.Doc,
  id: LessonId,
  protection: Protection,
): boolean => {
  const source = lessonsMap(version).get(id)
  if (source === undefined) return false
  const sectionId = lessonPlace(source)?.sectionId
  if (sectionId !== undefined) ensureSection(course, version, sectionId)
  restoreLessonEntry(course, id, source, protection)
  return true
}

const restoreLessonEntry = (
  course: Y.Doc,
  id: string,
  source: Y.Map<unknown>,
  protection: Protection,
): void => {
  const sourceBody = lessonBodyOf(source) ?? new Y.XmlFragment()
  const place = source.get(LESSON.place)
  const target = lessonsMap(course).get(id)
  if (target === undefined) {
    const lesson = new Y.Map<unknown>()
    lesson.set(LESSON.title, stringOr(source.get(LESSON.title), ''))
    lesson.set(LESSON.place, place)
    lesson.set(LESSON.body, sourceBody.clone())
    lessonsMap(course).set(id, lesson)
    return
  }
  syncPlainKeys(target, source, [LESSON.title, LESSON.place])
  const body = lessonBodyOf(target)
  if (body === undefined) target.set(LESSON.body, sourceBody.clone())
  else syncBody(body, sourceBody, protection)
}

/** Course details and settings a restore brings back; the id, schema version and dates stay as they are. */
const RESTORED_META = [
  META.title,
  META.description,
  META.language,
  META.authors,
  META.passingScore,
  META.completionRule,
  META.askLessonReactions,
] as const

/**
 * The whole course as the version has it: details and settings, sections (those added since are deleted), and
 * every lesson (those deleted since come back, those added since are deleted; a version taken before the restore
 * keeps them). Protected lessons and sections stay, and so does the section each protected lesson is in.
 */
export const restoreCourseFrom = (course: Y.Doc, version: Y.Doc, protection: Protection): void => {
  syncPlainKeys(metaMap(course), metaMap(version), RESTORED_META)
  const sections = sectionsMap(course)
  sectionsMap(version).forEach((source, id) => {
    const target = sections.get(id)
    if (target === undefined) sections.set(id, copyPlainMap(source, SECTION_KEYS))
    else syncPlainKeys(target, source, SECTION_KEYS)
  })
  sections.forEach((section, id) => {
    if (
      !sectionsMap(version).has(id) &&
      section.get(SECTION.deleted) !== true &&
      !isProtectedNode(section, protection)
    )
      section.set(SECTION.deleted, true)
  })
  const lessons = lessonsMap(course)
  const kept: Array<Y.Map<unknown>> = []
  for (const [id, lesson] of [...lessons.entries()]) {
    if (lessonsMap(version).has(id)) continue
    if (isProtectedNode(lesson, protection)) kept.push(lesson)
    else lessons.delete(id)
  }
  // Sections are already as the version has them (a deleted one that held a lesson included), so only those
  // holding a protected lesson are revived: a lesson a co-author just added must not vanish with its section.
  lessonsMap(version).forEach((lesson, id) => restoreLessonEntry(course, id, lesson, protection))
  for (const lesson of kept) {
    const sectionId = lessonPlace(lesson)?.sectionId
    const section = sectionId === undefined ? undefined : sections.get(sectionId)
    if (section !== undefined) revive(section)
  }
}
