/**
 * Plain snapshot types the UI and the exporter read. No Y types cross this line:
 * the one escape hatch is `lessonBody()` in read.ts, which hands Tiptap a lesson's fragment.
 */

declare const brand: unique symbol
type Branded<T, B extends string> = T & { readonly [brand]: B }

export type CourseId = Branded<string, 'CourseId'>
export type SectionId = Branded<string, 'SectionId'>
export type LessonId = Branded<string, 'LessonId'>

export type CompletionRule = 'all-lessons-viewed' | 'passing-score'

export interface CourseSettings {
  /** 0–100. */
  readonly passingScore: number
  readonly completionRule: CompletionRule
  /** Whether the exported player asks "Was this lesson helpful?" at the end of each lesson. */
  readonly askLessonReactions: boolean
}

export interface CourseMeta {
  readonly id: CourseId
  readonly title: string
  readonly description: string
  /** BCP 47 tag, e.g. "en" or "de-CH". */
  readonly language: string
  readonly authors: readonly string[]
  /** Milliseconds since the epoch. */
  readonly createdAt: number
  readonly updatedAt: number
  readonly settings: CourseSettings
}

export interface LessonSummary {
  readonly id: LessonId
  readonly title: string
  readonly sectionId: SectionId
}

export interface SectionSnapshot {
  readonly id: SectionId
  readonly title: string
  readonly lessons: readonly LessonSummary[]
}

export interface CourseSnapshot {
  readonly meta: CourseMeta
  readonly sections: readonly SectionSnapshot[]
}

/** Where a section or lesson goes: an index in the destination's current order (clamped). */
export interface LessonPlace {
  readonly sectionId: SectionId
  readonly index: number
}
