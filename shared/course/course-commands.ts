import type * as Y from 'yjs'
import { LOCAL_ORIGIN } from './origins'
import { CURRENT_SCHEMA_VERSION, DEFAULTS, META, metaMap } from './schema'
import { isCourseInitialised } from './read'
import { runCommand } from './transact'
import type { CourseId, CourseSettings } from './types'

export interface NewCourse {
  readonly id: CourseId
  readonly title: string
  readonly author?: string
  /** BCP 47 tag; defaults to "en". */
  readonly language?: string
  /** Milliseconds since the epoch; defaults to now. */
  readonly now?: number
}

/** Initialises an empty document. Throws if it already holds a course: that would overwrite someone's work. */
export const createCourse = (doc: Y.Doc, course: NewCourse): void => {
  if (isCourseInitialised(doc)) throw new Error(`createCourse: the document already holds a course`)
  const now = course.now ?? Date.now()
  doc.transact(() => {
    const meta = metaMap(doc)
    meta.set(META.schemaVersion, CURRENT_SCHEMA_VERSION)
    meta.set(META.id, course.id)
    meta.set(META.title, course.title)
    meta.set(META.description, '')
    meta.set(META.language, course.language ?? DEFAULTS.language)
    meta.set(META.authors, course.author === undefined ? [] : [course.author])
    meta.set(META.createdAt, now)
    meta.set(META.updatedAt, now)
    meta.set(META.passingScore, DEFAULTS.passingScore)
    meta.set(META.completionRule, DEFAULTS.completionRule)
  }, LOCAL_ORIGIN)
}

export const renameCourse = (doc: Y.Doc, title: string): void =>
  runCommand(doc, () => {
    metaMap(doc).set(META.title, title)
  })

export interface CourseDetails {
  readonly description?: string
  readonly language?: string
  readonly authors?: readonly string[]
}

export const updateCourseDetails = (doc: Y.Doc, details: CourseDetails): void =>
  runCommand(doc, () => {
    const meta = metaMap(doc)
    if (details.description !== undefined) meta.set(META.description, details.description)
    if (details.language !== undefined) meta.set(META.language, details.language)
    if (details.authors !== undefined) meta.set(META.authors, [...details.authors])
  })

/** Passing score is kept within 0–100 whatever the caller sends. */
export const updateCourseSettings = (doc: Y.Doc, settings: Partial<CourseSettings>): void =>
  runCommand(doc, () => {
    const meta = metaMap(doc)
    if (settings.passingScore !== undefined && Number.isFinite(settings.passingScore)) {
      meta.set(META.passingScore, Math.min(100, Math.max(0, settings.passingScore)))
    }
    if (settings.completionRule !== undefined) meta.set(META.completionRule, settings.completionRule)
    if (settings.askLessonReactions !== undefined) {
      meta.set(META.askLessonReactions, settings.askLessonReactions)
    }
  })
