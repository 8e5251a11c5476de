import { useEffect, useRef, type RefObject } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import type { ChorusDb } from '../../storage/db'
import { ESCAPE_MESSAGE } from './escape-to-close'
import { usePreparedPreview, type PreviewState } from './use-prepared-preview'
import { PreparationStatus } from './PreparationStatus'

interface PreviewDialogProps {
  readonly db: ChorusDb
  readonly doc: Y.Doc
  readonly title: string
  /** The lesson the author has open, where the player starts; null starts at the first lesson. */
  readonly lessonId: LessonId | null
  readonly onClose: () => void
}

/**
 * The player runs in a sandboxed frame: scripts and its own forms (knowledge checks) only, no same-origin, so
 * course content cannot reach the app's storage or the relay. The srcdoc document inherits the app's CSP, which
 * allows its two inline scripts by hash (see tests/integration/content-security-policy.test.ts).
 */
const SANDBOX = 'allow-scripts allow-forms'

interface PreviewBodyProps {
  readonly state: PreviewState
  readonly title: string
  readonly frameRef: RefObject<HTMLIFrameElement | null>
}

function PreviewBody({ state, title, frameRef }: PreviewBodyProps) {
  switch (state.kind) {
    case 'preparing':
    case 'failed':
      return <PreparationStatus state={state} preparing="Preparing the preview…" />
    case 'ready':
      return (
        <iframe
          ref={frameRef}
          className="preview-frame"
          title={`Learner preview of ${title}`}
          sandbox={SANDBOX}
          referrerPolicy="no-referrer"
          srcDoc={state.html}
        />
      )
  }
}

/** A full-window modal that runs the course in the export's player, as a learner would take it. */
export function PreviewDialog({ db, doc, title, lessonId, onClose }: PreviewDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const frameRef = useRef<HTMLIFrameElement>(null)
  const state = usePreparedPreview(db, doc, lessonId)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const cancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    // Escape pressed inside the player: its frame is another origin, so it tells us (see escape-to-close.ts).
    const message = (event: MessageEvent) => {
      const frame = frameRef.current
      if (frame && event.source === frame.contentWindow && event.data === ESCAPE_MESSAGE) onCloseRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    window.addEventListener('message', message)
    dialog.showModal()
    return () => {
      dialog.removeEventListener('cancel', cancel)
      window.removeEventListener('message', message)
      dialog.close()
    }
  }, [])

  return (
    <dialog ref={ref} className="preview-dialog" aria-label="Learner preview">
      <div className="preview-bar">
        <h2 className="preview-title">Learner preview</h2>
        <p className="preview-note">
          Answers and progress are not saved.
          {state.kind === 'ready' &&
            state.missingMedia > 0 &&
            ` ${state.missingMedia} media file(s) are not on this device yet, so placeholders show instead; open the course while connected to sync them.`}
        </p>
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close preview
        </button>
      </div>
      <PreviewBody state={state} title={title} frameRef={frameRef} />
    </dialog>
  )
}
