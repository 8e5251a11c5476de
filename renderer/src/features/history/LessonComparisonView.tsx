import type { LessonComparison } from '../../../../shared/history/types'

interface LessonComparisonViewProps {
  readonly lesson: LessonComparison
}

const STATUS: Record<LessonComparison['status'], string> = {
  added: 'Added since this version',
  removed: 'Removed since this version',
  changed: 'Changed since this version',
  unchanged: 'Unchanged',
}

/** One lesson of a comparison: what happened to it, then its text with added runs marked and removed ones struck. */
export function LessonComparisonView({ lesson }: LessonComparisonViewProps) {
  return (
    <>
      <ul className="version-changes">
        <li>{STATUS[lesson.status]}</li>
        {lesson.previousTitle !== undefined && <li>Renamed from “{lesson.previousTitle}”</li>}
        {lesson.moved && (
          <li>
            Moved from “{lesson.moved.fromSection}” to “{lesson.moved.toSection}”
          </li>
        )}
        {lesson.questions.map((question, index) => (
          <li key={index}>
            {question.kind === 'added'
              ? `Question added: ${question.prompt}`
              : question.kind === 'removed'
                ? `Question removed: ${question.prompt}`
                : `Question changed (${question.what.join(', ')}): ${question.prompt}`}
          </li>
        ))}
      </ul>
      {lesson.blocks.length > 0 && (
        <div className="version-diff" aria-label={`Text of ${lesson.title}, compared`} role="group">
          {lesson.blocks.map((runs, block) => (
            <p key={block}>
              {runs.map((run, index) =>
                run.kind === 'added' ? (
                  <ins key={index}>{run.text}</ins>
                ) : run.kind === 'removed' ? (
                  <del key={index}>{run.text}</del>
                ) : (
                  <span key={index}>{run.text}</span>
                ),
              )}
            </p>
          ))}
        </div>
      )}
    </>
  )
}
