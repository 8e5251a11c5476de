import type { NeedSnapshot, TeamCourse } from '../../../../shared/team/types'
import { CourseProgressLine } from './CourseProgressLine'
import { countOf, listNames } from './need-labels'
import { NeedFacts } from './NeedFacts'

interface NeedCardProps {
  readonly need: NeedSnapshot
  /** The team courses linked to the need, oldest link first. */
  readonly courses: readonly TeamCourse[]
  readonly now: number
  readonly onOpen: () => void
}

/** One need on the board: what it is, how many want it and who, who answers it, and its courses' progress. */
export function NeedCard({ need, courses, now, onOpen }: NeedCardProps) {
  const voters = need.voters.map((person) => person.name)
  const experts = need.claims.map((claim) => claim.expert.name)
  return (
    <li className="need-card">
      <h3 className="need-card-title">
        <button type="button" className="need-card-open" data-need-id={need.id} onClick={onOpen}>
          {need.title}
        </button>
      </h3>
      <NeedFacts need={need} />
      <p className="need-card-people">
        <span>
          {countOf(voters.length, 'vote', 'votes')}
          {voters.length > 0 && `: ${listNames(voters)}`}
        </span>
        {experts.length > 0 && <span>Claimed by {listNames(experts)}</span>}
        {need.posts.length > 0 && <span>{countOf(need.posts.length, 'post', 'posts')}</span>}
      </p>
      {courses.map((course) => (
        <CourseProgressLine key={course.id} course={course} now={now} />
      ))}
    </li>
  )
}
