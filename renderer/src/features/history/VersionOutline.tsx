import type { CourseSnapshot, LessonId } from '../../../../shared/course/types'

interface VersionOutlineProps {
  readonly course: CourseSnapshot
  readonly selected: LessonId | null
  readonly onSelect: (id: LessonId) => void
}

/** The outline of an older version: its sections and lessons, each lesson a button that shows it. */
export function VersionOutline({ course, selected, onSelect }: VersionOutlineProps) {
  return (
    <nav className="version-outline" aria-label="Outline of this version">
      {course.sections.map((section) => (
        <div key={section.id}>
          <p className="version-outline-section">{section.title || 'Untitled section'}</p>
          <ul>
            {section.lessons.map((lesson) => (
              <li key={lesson.id}>
                <button
                  type="button"
                  className="button-quiet version-outline-lesson"
                  aria-current={lesson.id === selected ? 'true' : undefined}
                  onClick={() => onSelect(lesson.id)}
                >
                  {lesson.title || 'Untitled lesson'}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  )
}
