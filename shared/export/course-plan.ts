import { NODE, type ContentNode, type QuestionAttrs } from '../course/content'
import type { CourseSnapshot, LessonId } from '../course/types'
import { err, ok, type Result } from '../errors'
import { fingerprint } from './fingerprint'
import { exportableMedia } from './media-files'
import { renderNode } from './render-content'
import type { ExportInput, MediaBlob, ProgressListener } from './types'

export interface PlannedLesson {
  readonly id: LessonId
  readonly title: string
  readonly sectionIndex: number
  /** The lesson body as HTML, without its title. */
  readonly html: string
}

/** A course flattened into what a player page needs: lessons in order, their questions, the media they use. */
export interface CoursePlan {
  readonly course: CourseSnapshot
  readonly lessons: readonly PlannedLesson[]
  readonly questions: readonly QuestionAttrs[]
  /** Hashes used by lessons and present in the input, in order of first use. */
  readonly usedMedia: readonly string[]
  /** The blobs of `usedMedia`, each under the type its bytes are (shared/export/media-files.ts). */
  readonly media: ReadonlyMap<string, MediaBlob>
  /** Hashes used by lessons but absent from the input, or present but not an allowed media type. */
  readonly missingMedia: readonly string[]
  readonly fingerprint: string
}

const EMPTY: ContentNode = { type: NODE.doc, content: [] }

/**
 * Renders every lesson and gathers questions and media in course order. `mediaUrl` says where the page
 * will load a present blob from: a package path, or a blob: URL in the learner preview.
 */
export const planCourse = async (
  input: ExportInput,
  mediaUrl: (hash: string, blob: MediaBlob) => string,
  onProgress?: ProgressListener,
): Promise<Result<CoursePlan>> => {
  const { course } = input
  const total = course.sections.reduce((n, s) => n + s.lessons.length, 0)
  if (total === 0)
    return err('export-failed', 'The course has no lessons yet. Add a lesson, then export again.')

  const questions: QuestionAttrs[] = []
  const used = new Map<string, MediaBlob>()
  const missing = new Set<string>()
  const ctx = {
    mediaUrl: (hash: string): string | null => {
      const blob = used.get(hash) ?? exportableMedia(input.media.get(hash))
      if (!blob) {
        missing.add(hash)
        return null
      }
      used.set(hash, blob)
      return mediaUrl(hash, blob)
    },
    addQuestion: (question: QuestionAttrs): number => questions.push(question) - 1,
  }

  const lessons: PlannedLesson[] = []
  for (const [sectionIndex, section] of course.sections.entries()) {
    for (const lesson of section.lessons) {
      const html = renderNode(input.lessons.get(lesson.id) ?? EMPTY, ctx)
      lessons.push({ id: lesson.id, title: lesson.title, sectionIndex, html })
      await onProgress?.({ phase: 'lessons', done: lessons.length, total })
    }
  }

  const structure = [
    ...lessons.map((l) => l.id),
    ...questions.map((q) => `${q.id}:${q.choices.map((c) => c.id).join(',')}`),
  ].join('\n')
  return ok({
    course,
    lessons,
    questions,
    usedMedia: [...used.keys()],
    media: used,
    missingMedia: [...missing],
    fingerprint: fingerprint(structure),
  })
}
