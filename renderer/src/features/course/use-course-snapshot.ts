import { useEffect, useState } from 'react'
import type { Doc } from 'yjs'
import { observeCourse, readCourse } from '../../../../shared/course/read'
import type { CourseSnapshot } from '../../../../shared/course/types'

/** The course as plain data, re-read whenever its outline or metadata changes (locally, from storage or peers). */
export const useCourseSnapshot = (doc: Doc): CourseSnapshot => {
  const [snapshot, setSnapshot] = useState(() => readCourse(doc))
  useEffect(() => {
    setSnapshot(readCourse(doc))
    return observeCourse(doc, setSnapshot)
  }, [doc])
  return snapshot
}
