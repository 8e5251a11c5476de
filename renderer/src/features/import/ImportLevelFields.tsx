import { useId } from 'react'
import { HEADING_LEVELS, type ImportLevels } from '../../../../shared/import/outline-plan'

interface ImportLevelFieldsProps {
  readonly levels: ImportLevels
  readonly onChange: (levels: ImportLevels) => void
}

/** Which heading level starts a section and which a lesson; lessons are always below sections. */
export function ImportLevelFields({ levels, onChange }: ImportLevelFieldsProps) {
  const sectionsId = useId()
  const lessonsId = useId()
  const changeSections = (sectionsAt: number) =>
    onChange({ sectionsAt, lessonsAt: Math.max(levels.lessonsAt, sectionsAt + 1) })
  return (
    <div className="import-levels">
      <label className="field-label" htmlFor={sectionsId}>
        Sections start at
      </label>
      <select
        id={sectionsId}
        className="text-input"
        value={levels.sectionsAt}
        onChange={(event) => changeSections(Number(event.target.value))}
      >
        {HEADING_LEVELS.slice(0, -1).map((level) => (
          <option key={level} value={level}>
            Heading {level}
          </option>
        ))}
      </select>
      <label className="field-label" htmlFor={lessonsId}>
        Lessons start at
      </label>
      <select
        id={lessonsId}
        className="text-input"
        value={levels.lessonsAt}
        onChange={(event) => onChange({ ...levels, lessonsAt: Number(event.target.value) })}
      >
        {HEADING_LEVELS.filter((level) => level > levels.sectionsAt).map((level) => (
          <option key={level} value={level}>
            Heading {level}
          </option>
        ))}
      </select>
    </div>
  )
}
