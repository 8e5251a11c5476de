import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import type { ChorusDb } from '../../storage/db'
import { preparePreview, type Preparation, type PreparedPreview } from './prepare-preview'

export type PreviewState = Preparation | ({ readonly kind: 'ready' } & PreparedPreview)

/**
 * Prepares the preview once, when the dialog opens: it shows the course as it was then, as a learner
 * would get it from an export made at that moment. A result arriving after the dialog closed is dropped.
 */
export const usePreparedPreview = (
  db: ChorusDb,
  doc: Y.Doc,
  startLessonId: LessonId | null,
): PreviewState => {
  const [state, setState] = useState<PreviewState>({ kind: 'preparing', done: 0, total: 0 })
  useEffect(() => {
    let live = true
    void preparePreview(db, doc, startLessonId, (progress) => {
      if (live) setState({ kind: 'preparing', ...progress })
    }).then((result) => {
      if (live)
        setState(result.ok ? { kind: 'ready', ...result.value } : { kind: 'failed', error: result.error })
    })
    return () => {
      live = false
    }
  }, [db, doc, startLessonId])
  return state
}
