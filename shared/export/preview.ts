import { ok, type Result } from '../errors'
import { planCourse } from './course-plan'
import { renderPlayerDocument } from './render-document'
import type { ExportInput, MediaBlob } from './types'

/**
 * The learner preview: the exported player as one self-contained HTML document (for an iframe's `srcdoc`),
 * running standalone. The caller maps each blob to a URL it can load, e.g. `URL.createObjectURL`, and may name
 * the lesson to open first (the one the author has open).
 */
export const renderPreviewDocument = async (
  input: ExportInput,
  mediaUrl: (hash: string, blob: MediaBlob) => string,
  startLessonId?: string,
): Promise<Result<string>> => {
  const plan = await planCourse(input, mediaUrl)
  return plan.ok
    ? ok(
        renderPlayerDocument(plan.value, {
          runtime: 'standalone',
          assets: 'inline',
          startLessonId,
          exitButton: false,
        }),
      )
    : plan
}
