import { useMemo } from 'react'
import type { Doc } from 'yjs'
import { renameLesson } from '../../../../shared/course/commands'
import { lessonBody } from '../../../../shared/course/read'
import type { CourseId, LessonSummary } from '../../../../shared/course/types'
import type { ChorusDb } from '../../storage/db'
import { TitleField } from '../../ui/TitleField'
import { LessonEditor } from './LessonEditor'

interface LessonPaneProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly doc: Doc
  readonly lesson: LessonSummary
  readonly readOnly: boolean
}

/** The open lesson: its title and its body. It stays mounted across lesson switches; only the title field is per lesson. */
export function LessonPane({ db, courseId, doc, lesson, readOnly }: LessonPaneProps) {
  const fragment = useMemo(() => lessonBody(doc, lesson.id), [doc, lesson.id])
  return (
    <article className="lesson-pane" aria-label="Lesson">
      <TitleField
        key={lesson.id}
        className="lesson-title"
        label="Lesson title"
        value={lesson.title}
        disabled={readOnly}
        onCommit={(title) => renameLesson(doc, lesson.id, title)}
      />
      {fragment ? (
        <LessonEditor db={db} courseId={courseId} fragment={fragment} editable={!readOnly} />
      ) : (
        <p className="quiet">This lesson’s text is not available.</p>
      )}
    </article>
  )
}
