import type * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import { err, ok, type Result } from '../../../../shared/errors'
import { planCourse } from '../../../../shared/export/course-plan'
import { exportInputFromDoc } from '../../../../shared/export/from-doc'
import { renderPlayerDocument } from '../../../../shared/export/render-document'
import type { ChorusDb } from '../../storage/db'
import { withLearnerBridge } from './learner-bridge'
import { inlineUsedMedia, type PreviewProgress } from './prepare-preview'

export interface LearnerPlayer {
  /** The export's player page with the learner bridge, self-contained, for a sandboxed iframe's srcdoc. */
  readonly html: string
  readonly missingMedia: number
  /** The player's lessons in its order: the bridge names a lesson by its index here. */
  readonly lessons: readonly { readonly id: LessonId; readonly title: string }[]
  /** The player's questions' ids in its order: the bridge names a question by its index here. */
  readonly questionIds: readonly string[]
}

/**
 * The course as pilot learners take it: the export's player, as in the learner preview, with the bridge that
 * reports their lesson and answers to the app. The player's own "Was this lesson helpful?" is left out, since the
 * learner view asks it beside the player, with a comment.
 */
export async function prepareLearnerPlayer(
  db: ChorusDb,
  doc: Y.Doc,
  startLessonId: LessonId | null,
  onProgress: (progress: PreviewProgress) => void,
): Promise<Result<LearnerPlayer>> {
  const read = exportInputFromDoc(doc, new Map())
  if (read.lessons.size === 0)
    return err('export-failed', 'This course has no lessons yet. Come back once its authors have added some.')
  const { course } = read
  const input = {
    ...read,
    course: {
      ...course,
      meta: { ...course.meta, settings: { ...course.meta.settings, askLessonReactions: false } },
    },
  }
  const inlined = await inlineUsedMedia(db, doc, input, onProgress)
  if (!inlined.ok) return inlined
  const { media, urls, missing } = inlined.value
  const plan = await planCourse({ ...input, media }, (hash) => urls.get(hash) ?? '')
  if (!plan.ok) return plan
  const html = renderPlayerDocument(plan.value, {
    runtime: 'standalone',
    assets: 'inline',
    startLessonId: startLessonId ?? undefined,
    exitButton: false,
  })
  return ok({
    html: withLearnerBridge(html),
    missingMedia: missing,
    lessons: plan.value.lessons.map(({ id, title }) => ({ id, title })),
    questionIds: plan.value.questions.map((question) => question.id),
  })
}
