import { useCallback, useState } from 'react'
import type { ChorusError } from '../../../shared/errors'
import { CourseView } from '../features/course/CourseView'
import { useCourseFileImport } from '../features/files/use-course-file-import'
import { JoinDialog } from '../features/join/JoinDialog'
import { JoinRoute } from '../features/join/JoinRoute'
import { LibraryView } from '../features/library/LibraryView'
import { NewCourseDialog } from '../features/library/NewCourseDialog'
import { useMenuCommand } from '../platform/use-menu-command'
import { ErrorNotice } from '../ui/ErrorNotice'
import { useChorusDb } from './use-chorus-db'
import { useHashRoute } from './use-hash-route'

/** The shell: one database for the session, the route from the URL hash, and errors nobody else can show. */
export function App() {
  const { db, problem } = useChorusDb()
  const [route, navigate] = useHashRoute()
  // Errors from views that are already gone, such as a course that failed to save as it closed.
  const [orphanErrors, setOrphanErrors] = useState<readonly ChorusError[]>([])
  const report = useCallback((error: ChorusError) => setOrphanErrors((list) => [...list, error]), [])
  const [creating, setCreating] = useState(false)
  const [joining, setJoining] = useState(false)
  useMenuCommand('new-course', () => setCreating(true))
  const courseFiles = useCourseFileImport(db, navigate, report)
  useMenuCommand('open-course-file', courseFiles.openFile)

  return (
    <div className="app">
      {(problem || orphanErrors.length > 0) && (
        <div className="app-notices">
          {problem && <ErrorNotice error={problem} />}
          {orphanErrors.map((error, index) => (
            <ErrorNotice
              key={index}
              error={error}
              onDismiss={() => setOrphanErrors((list) => list.filter((_, at) => at !== index))}
            />
          ))}
        </div>
      )}
      {route.kind === 'library' ? (
        <LibraryView
          db={db}
          onNewCourse={() => setCreating(true)}
          onJoinCourse={() => setJoining(true)}
          courseFiles={courseFiles}
        />
      ) : route.kind === 'join' ? (
        <JoinRoute db={db} link={route.link} navigate={navigate} />
      ) : (
        <CourseView
          key={route.courseId}
          db={db}
          courseId={route.courseId}
          lessonId={route.lessonId}
          navigate={navigate}
          onCloseFailed={report}
        />
      )}
      {creating && (
        <NewCourseDialog
          db={db}
          onCreated={(courseId) => {
            setCreating(false)
            navigate({ kind: 'course', courseId, lessonId: null })
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {joining && (
        <JoinDialog
          db={db}
          onJoined={(courseId) => {
            setJoining(false)
            navigate({ kind: 'course', courseId, lessonId: null })
          }}
          onCancel={() => setJoining(false)}
        />
      )}
    </div>
  )
}
