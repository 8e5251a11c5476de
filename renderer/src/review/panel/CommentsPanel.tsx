import { useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { LessonId, SectionSnapshot } from '../../../../shared/course/types'
import type { ThreadId } from '../../../../shared/review/types'
import { useReviewSession, useThreads } from '../review-session'
import { useNow } from '../../ui/use-now'
import { RoomSyncNote } from '../../sync/RoomSyncNote'
import { NewThreadComposer } from './NewThreadComposer'
import { PanelControls } from './PanelControls'
import { panelThreads, type PanelFilter, type PanelScope } from './panel-threads'
import { useReviewUi } from './review-ui'
import { ThreadCard } from './ThreadCard'
import { useDetachedThreads } from './use-detached-threads'
import './review.css'

interface CommentsPanelProps {
  readonly courseDoc: Y.Doc
  readonly sections: readonly SectionSnapshot[]
  readonly onOpenLesson: (lessonId: LessonId) => void
}

const MINUTE = 60_000

/** The side panel: the threads of the open lesson or the whole course, and the thread being written. */
export function CommentsPanel({ courseDoc, sections, onOpenLesson }: CommentsPanelProps) {
  const session = useReviewSession()
  const ui = useReviewUi()
  const threads = useThreads()
  const now = useNow(MINUTE)
  const [scope, setScope] = useState<PanelScope>('lesson')
  const [filter, setFilter] = useState<PanelFilter>('open')
  const lessonId = ui?.lessonId ?? null
  const me = session?.me
  const linked = ui?.focus?.source === 'link' ? ui.focus.threadId : null
  const listed = useMemo(
    () => (me === undefined ? [] : panelThreads(threads, { scope, filter, lessonId, me }, linked)),
    [threads, scope, filter, lessonId, me, linked],
  )
  const detached = useDetachedThreads(courseDoc, listed)
  const titles = useMemo(
    () => new Map(sections.flatMap((section) => section.lessons.map((lesson) => [lesson.id, lesson.title]))),
    [sections],
  )

  const focusThread = (threadId: ThreadId, threadLesson: LessonId): void => {
    if (threadLesson !== lessonId) onOpenLesson(threadLesson)
    ui?.focusThread(threadId, 'panel')
  }

  return (
    <aside className="comments-panel" aria-label="Comments">
      <h2 className="comments-heading">Comments</h2>
      {session === null || ui === null ? (
        <p className="quiet">Loading comments…</p>
      ) : (
        <>
          <PanelControls scope={scope} filter={filter} onScope={setScope} onFilter={setFilter} />
          <RoomSyncNote
            status={session.sync}
            subject="Comments"
            change="comment change"
            kept="Your comments stay saved on this device."
            className="comment-sync-note"
          />
          {ui.draft !== null && ui.draft.lessonId === lessonId && (
            <NewThreadComposer
              key={JSON.stringify(ui.draft.anchor)}
              draft={ui.draft}
              session={session}
              onDone={(created) => {
                ui.endDraft()
                if (created !== null) ui.focusThread(created, 'panel')
              }}
            />
          )}
          {listed.length === 0 ? (
            <p className="quiet comments-empty">
              {scope === 'lesson' && lessonId === null
                ? 'Open a lesson to see its comments.'
                : 'No comments here.'}
            </p>
          ) : (
            <ol className="thread-list" aria-label="Threads">
              {listed.map((thread) => (
                <li key={thread.id}>
                  <ThreadCard
                    thread={thread}
                    session={session}
                    detached={detached.has(thread.id)}
                    lessonTitle={
                      scope === 'course' ? (titles.get(thread.lessonId) ?? 'Deleted lesson') : null
                    }
                    focused={ui.focus?.threadId === thread.id}
                    reveal={ui.focus?.threadId === thread.id && ui.focus.source !== 'panel'}
                    now={now}
                    onFocus={() => focusThread(thread.id, thread.lessonId)}
                  />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </aside>
  )
}
