import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import type { ChorusDb } from '../../storage/db'
import { ANSWER_MESSAGE, readLearnerMessage } from './learner-bridge'
import { prepareLearnerPlayer, type LearnerPlayer as Prepared } from './prepare-learner-player'
import type { Preparation } from './prepare-preview'
import { PreparationStatus } from './PreparationStatus'

/** The learner's place in the course, as the player reports it. */
export interface PlayerLesson {
  readonly id: LessonId
  readonly title: string
}

interface LearnerPlayerProps {
  readonly db: ChorusDb
  readonly doc: Y.Doc
  readonly title: string
  /** Where the player starts; null starts at the first lesson. */
  readonly startLessonId: LessonId | null
  readonly onLesson: (lesson: PlayerLesson) => void
  /** Each answer the learner checks, retries included. */
  readonly onAnswer: (lessonId: LessonId, questionId: string, correct: boolean) => void
}

type State = Preparation | { readonly kind: 'ready'; readonly player: Prepared }

/** As the learner preview's frame: scripts and its own forms only, no same-origin, so content cannot reach the app. */
const SANDBOX = 'allow-scripts allow-forms'

/**
 * The course in the export's player, for pilot learners. Prepared once when mounted (remount it to show a newer
 * state of the course); reports the learner's lesson and answers through the page's bridge (learner-bridge.ts).
 */
export function LearnerPlayer({ db, doc, title, startLessonId, onLesson, onAnswer }: LearnerPlayerProps) {
  const [state, setState] = useState<State>({ kind: 'preparing', done: 0, total: 0 })
  const frameRef = useRef<HTMLIFrameElement>(null)
  const handlers = useRef({ onLesson, onAnswer })
  useEffect(() => {
    handlers.current = { onLesson, onAnswer }
  })
  const [start] = useState(startLessonId)

  useEffect(() => {
    let live = true
    void prepareLearnerPlayer(db, doc, start, (progress) => {
      if (live) setState({ kind: 'preparing', ...progress })
    }).then((result) => {
      if (live)
        setState(
          result.ok ? { kind: 'ready', player: result.value } : { kind: 'failed', error: result.error },
        )
    })
    return () => {
      live = false
    }
  }, [db, doc, start])

  const player = state.kind === 'ready' ? state.player : null
  useEffect(() => {
    if (player === null) return
    const receive = (event: MessageEvent) => {
      const frame = frameRef.current
      if (frame === null || event.source !== frame.contentWindow) return
      const message = readLearnerMessage(event.data)
      const lesson = message === null ? undefined : player.lessons[message.lesson]
      if (message === null || lesson === undefined) return
      if (message.type !== ANSWER_MESSAGE) return handlers.current.onLesson(lesson)
      const questionId = player.questionIds[message.question]
      if (questionId !== undefined && questionId !== '')
        handlers.current.onAnswer(lesson.id, questionId, message.correct)
    }
    window.addEventListener('message', receive)
    return () => window.removeEventListener('message', receive)
  }, [player])

  switch (state.kind) {
    case 'preparing':
    case 'failed':
      return <PreparationStatus state={state} preparing="Preparing the course…" />
    case 'ready':
      return (
        <>
          {state.player.missingMedia > 0 && (
            <p className="quiet learner-missing-media">
              {state.player.missingMedia} media file(s) are not on this device yet, so placeholders show
              instead.
            </p>
          )}
          <iframe
            ref={frameRef}
            className="preview-frame learner-frame"
            title={`Course: ${title}`}
            sandbox={SANDBOX}
            referrerPolicy="no-referrer"
            srcDoc={state.player.html}
          />
        </>
      )
  }
}
