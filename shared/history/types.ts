/**
 * A course's saved versions as the UI reads them: plain values, no Y types. The versions themselves live in the
 * course's history document (room `<courseId>/history`), owned by shared/history/.
 */
import type { LessonId } from '../course/types'

declare const brand: unique symbol
export type VersionId = string & { readonly [brand]: 'VersionId' }

/** Why a version was taken: by hand with a name, or automatically. */
export type VersionReason = 'named' | 'export' | 'publish' | 'before-restore' | 'hourly'

export type ExportFormat = 'scorm12' | 'scorm2004' | 'web'

/** Someone as the relay (or, unshared, this device) names them. */
export interface Person {
  readonly id: string
  readonly name: string
}

export interface VersionSummary {
  readonly id: VersionId
  /** The name given by hand ("Sent to Legal"); '' for automatic versions, which the UI names by reason and time. */
  readonly name: string
  readonly reason: VersionReason
  /** Milliseconds since the epoch. */
  readonly createdAt: number
  readonly createdBy: Person
  /** Who changed the course between the previous version and this one. */
  readonly contributors: readonly Person[]
  /** Lessons whose title or text changed, or that were added, since the previous version. */
  readonly changedLessons: readonly { readonly id: LessonId; readonly title: string }[]
  /** For versions taken by an export or publish: the publish number the package carries (1, 2, 3…). */
  readonly published?: { readonly number: number; readonly format: ExportFormat }
}

/** One run of a lesson's text in a comparison. */
export interface TextRun {
  readonly kind: 'same' | 'added' | 'removed'
  readonly text: string
}

export interface QuestionChange {
  readonly kind: 'added' | 'removed' | 'changed'
  /** The question's prompt (the newer one when changed). */
  readonly prompt: string
  /** For 'changed': what changed, in words ("prompt", "choices", "correct answer", "feedback"). */
  readonly what: readonly string[]
}

export interface LessonComparison {
  readonly id: LessonId
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged'
  readonly title: string
  /** Set when the lesson was renamed. */
  readonly previousTitle?: string
  /** Set when the lesson moved to another section or place in the outline. */
  readonly moved?: { readonly fromSection: string; readonly toSection: string }
  /** The lesson's text, block by block, with added and removed runs; empty for unchanged lessons. */
  readonly blocks: readonly (readonly TextRun[])[]
  readonly questions: readonly QuestionChange[]
}

/** A version compared with another one (or with the course now), lessons in the newer outline's order. */
export interface CourseComparison {
  readonly lessons: readonly LessonComparison[]
  /** Counts for the export dialog's summary. */
  readonly counts: {
    readonly added: number
    readonly removed: number
    readonly changed: number
    readonly questions: number
  }
}
