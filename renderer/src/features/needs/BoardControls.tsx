import { useId } from 'react'
import type { NeedFilter, NeedSort } from '../../../../shared/team/board'
import { FIXED_FILTERS, SORTS, filterOf, filterValue, sortOf } from './board-choices'

interface BoardControlsProps {
  readonly filter: NeedFilter
  readonly sort: NeedSort
  readonly search: string
  /** The audiences to offer as filters. */
  readonly audiences: readonly string[]
  readonly onFilter: (filter: NeedFilter) => void
  readonly onSort: (sort: NeedSort) => void
  readonly onSearch: (search: string) => void
}

/** Which needs the board lists and in what order: Show, Sort by and a search, each with its visible label. */
export function BoardControls({
  filter,
  sort,
  search,
  audiences,
  onFilter,
  onSort,
  onSearch,
}: BoardControlsProps) {
  const showId = useId()
  const sortId = useId()
  const searchId = useId()
  return (
    <div className="needs-controls" role="group" aria-label="Which needs to list">
      <div className="needs-control">
        <label className="field-label" htmlFor={showId}>
          Show
        </label>
        <select
          id={showId}
          className="text-input"
          value={filterValue(filter)}
          onChange={(event) => onFilter(filterOf(event.target.value))}
        >
          {FIXED_FILTERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {audiences.length > 0 && (
            <optgroup label="Needed by">
              {audiences.map((audience) => (
                <option key={audience} value={filterValue({ audience })}>
                  {audience}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="needs-control">
        <label className="field-label" htmlFor={sortId}>
          Sort by
        </label>
        <select
          id={sortId}
          className="text-input"
          value={sort}
          onChange={(event) => onSort(sortOf(event.target.value))}
        >
          {SORTS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="needs-control needs-search">
        <label className="field-label" htmlFor={searchId}>
          Search needs
        </label>
        <input
          id={searchId}
          type="search"
          className="text-input"
          placeholder="Words in a title, outcome or audience"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
        />
      </div>
    </div>
  )
}
