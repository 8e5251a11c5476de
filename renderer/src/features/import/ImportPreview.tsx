import type { ImportPlan } from '../../../../shared/import/outline-plan'

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** What the import would create, before anything is: the outline, how many images, and what will not carry over. */
export function ImportPreview({ fileName, plan }: { readonly fileName: string; readonly plan: ImportPlan }) {
  return (
    <div className="import-preview">
      <p className="import-summary" role="status">
        {fileName}: {count(plan.sections.length, 'section', 'sections')},{' '}
        {count(plan.lessonCount, 'lesson', 'lessons')}, {count(plan.imageCount, 'image', 'images')}
      </p>
      <h3 className="field-label">Proposed outline</h3>
      <ol className="import-outline" aria-label="Proposed outline" tabIndex={0}>
        {plan.sections.map((section, at) => (
          <li key={at}>
            <span className="import-section-title">{section.title}</span>
            {section.lessons.length > 0 && (
              <ol aria-label={`Lessons in ${section.title}`}>
                {section.lessons.map((lesson, index) => (
                  <li key={index}>{lesson.title}</li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      <h3 className="field-label">Not carried over as it was</h3>
      {plan.losses.length === 0 ? (
        <p className="quiet">Everything carries over.</p>
      ) : (
        <ul className="import-losses" aria-label="Not carried over as it was">
          {plan.losses.map((loss) => (
            <li key={loss.kind}>{loss.message}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
