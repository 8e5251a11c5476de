interface NoLessonSelectedProps {
  /** The address named a lesson that is not in the course (deleted, here or by someone else). */
  readonly missing: boolean
  readonly hasLessons: boolean
}

export function NoLessonSelected({ missing, hasLessons }: NoLessonSelectedProps) {
  const hint = hasLessons
    ? 'Choose a lesson in the outline to write it.'
    : 'Add a section, then a lesson to it, and start writing.'
  return (
    <div className="empty-state">
      <h2>{missing ? 'This lesson is no longer in the course' : 'No lesson open'}</h2>
      <p>{hint}</p>
    </div>
  )
}
