import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import { boardAudiences, boardNeeds, type NeedFilter, type NeedSort } from '../../../../shared/team/board'
import type { NeedId, TeamCourse } from '../../../../shared/team/types'
import type { TeamSession } from '../../team/team-session'
import { useNow } from '../../ui/use-now'
import { BoardControls } from './BoardControls'
import { NeedCard } from './NeedCard'
import { NeedDetail } from './NeedDetail'
import { NeedFormDialog } from './NeedFormDialog'
import './needs.css'

interface NeedsBoardProps {
  readonly session: TeamSession
  /** The need open in detail (from the route), or null for the board. */
  readonly needId: NeedId | null
  /** Navigates to a need's detail, or back to the board with null. */
  readonly onOpenNeed: (needId: NeedId | null) => void
  readonly onOpenCourse: (courseId: CourseId) => void
}

/**
 * The team's needs board: anyone declares what the team needs to learn, votes "me too" and discusses; experts
 * claim needs and answer them with courses; leads triage. Opening a need shows its detail in place of the list;
 * the list keeps its filter, sort and search meanwhile.
 */
export function NeedsBoard({ session, needId, onOpenNeed, onOpenCourse }: NeedsBoardProps) {
  const { snapshot, me, commands } = session
  const now = useNow(30_000)
  const [filter, setFilter] = useState<NeedFilter>('all-open')
  const [sort, setSort] = useState<NeedSort>('votes')
  const [search, setSearch] = useState('')
  const [declaring, setDeclaring] = useState(false)
  const titleId = useId()
  const list = useRef<HTMLUListElement>(null)
  const lastOpened = useRef<NeedId | null>(null)

  // Back from a need, focus returns to it on the list, where the keyboard left off.
  useEffect(() => {
    if (needId !== null) {
      lastOpened.current = needId
      return
    }
    const previous = lastOpened.current
    lastOpened.current = null
    if (previous !== null)
      list.current?.querySelector<HTMLElement>(`[data-need-id="${CSS.escape(previous)}"]`)?.focus()
  }, [needId])

  const coursesById = useMemo(
    () => new Map<string, TeamCourse>(snapshot.courses.map((course) => [course.id, course])),
    [snapshot.courses],
  )
  const shown = useMemo(
    () => boardNeeds(snapshot.needs, { filter, sort, search }, me),
    [snapshot.needs, filter, sort, search, me],
  )
  const audiences = useMemo(() => {
    const named = boardAudiences(snapshot.needs)
    // The audience chosen stays offered even once no need names it any more, so the choice still reads right.
    return typeof filter === 'object' && !named.includes(filter.audience)
      ? [...named, filter.audience]
      : named
  }, [snapshot.needs, filter])

  const coursesOf = (ids: readonly CourseId[]): TeamCourse[] =>
    ids.flatMap((id) => {
      const course = coursesById.get(id)
      return course === undefined ? [] : [course]
    })

  return (
    <section className="needs-board" aria-labelledby={titleId}>
      <header className="needs-header">
        <h2 id={titleId} className="needs-title">
          Needs
        </h2>
        <button type="button" className="button button-primary" onClick={() => setDeclaring(true)}>
          Declare a need
        </button>
      </header>

      {needId !== null ? (
        <NeedDetail
          session={session}
          needId={needId}
          coursesOf={coursesOf}
          now={now}
          onOpenNeed={onOpenNeed}
          onOpenCourse={onOpenCourse}
        />
      ) : (
        <>
          <BoardControls
            filter={filter}
            sort={sort}
            search={search}
            audiences={audiences}
            onFilter={setFilter}
            onSort={setSort}
            onSearch={setSearch}
          />
          {snapshot.needs.length === 0 ? (
            <p className="empty-state">
              No needs yet. What should your team be able to do that it cannot today? Declare it, and the
              experts can answer with a course.
            </p>
          ) : shown.length === 0 ? (
            <p className="quiet">No need matches these choices: choose another “Show” or clear the search.</p>
          ) : (
            <ul ref={list} className="needs-list" aria-label="Needs">
              {shown.map((need) => (
                <NeedCard
                  key={need.id}
                  need={need}
                  courses={coursesOf(need.courseIds)}
                  now={now}
                  onOpen={() => onOpenNeed(need.id)}
                />
              ))}
            </ul>
          )}
        </>
      )}

      {declaring && (
        <NeedFormDialog
          onSubmit={(fields) => {
            const declared = commands.declareNeed(fields)
            setDeclaring(false)
            onOpenNeed(declared)
          }}
          onCancel={() => setDeclaring(false)}
        />
      )}
    </section>
  )
}
