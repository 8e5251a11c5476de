/**
 * What the team catalog lists and offers, as pure functions of the team snapshot and my role: the same rules the
 * relay enforces (issue 12 plan), so nobody sees a course they cannot open or a button whose change is refused.
 */
import type { TeamRole } from '../../../../shared/protocol/token'
import type {
  CourseState,
  NeedSnapshot,
  TeamCourse,
  TeamPerson,
  TeamSnapshot,
} from '../../../../shared/team/types'
import { courseStateLabel } from '../../team/course-state-label'

export type CatalogFilter = 'all' | CourseState

/** The filters a role is offered: members see published courses only, so a state filter tells them nothing. */
export const catalogFilters = (role: TeamRole): readonly CatalogFilter[] =>
  role === 'member' ? [] : ['all', 'draft', 'review', 'published']

export const catalogFilterLabel = (filter: CatalogFilter): string =>
  filter === 'all' ? 'All' : courseStateLabel(filter)

/**
 * The courses a role sees, most recent activity first: a member opens a team course only once it is published
 * (shared/protocol/team-access.ts), so drafts are not shown to them at all.
 */
export const catalogCourses = (
  courses: readonly TeamCourse[],
  role: TeamRole,
  filter: CatalogFilter,
): TeamCourse[] =>
  courses
    .filter((course) => role !== 'member' || course.state === 'published')
    .filter((course) => filter === 'all' || course.state === filter)
    .sort((a, b) => b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/** Who wrote it: the co-authors its authors' apps report, or its creator until the first progress arrives. */
export const courseAuthors = (course: TeamCourse): readonly TeamPerson[] => {
  const coAuthors = course.progress?.coAuthors ?? []
  return coAuthors.length > 0 ? coAuthors : [course.createdBy]
}

/**
 * The need a course answers, followed to the need it was merged into (the board shows a merged need under that
 * one); null when it answers none or the need has not arrived on this device yet.
 */
export const answeredNeed = (snapshot: TeamSnapshot, course: TeamCourse): NeedSnapshot | null => {
  const byId = new Map(snapshot.needs.map((need) => [need.id, need]))
  let need = course.needId === null ? undefined : byId.get(course.needId)
  // A need missing here, or a cycle a peer's bad data made, stops the walk where it is.
  const seen = new Set<string>()
  while (need !== undefined && need.mergedInto !== null && !seen.has(need.id)) {
    seen.add(need.id)
    need = byId.get(need.mergedInto) ?? need
  }
  return need ?? null
}

export interface CourseActions {
  /** Open it in the editor: experts and leads co-author any team course. */
  readonly coAuthor: boolean
  /** Open it in the learner view: members, once published. */
  readonly read: boolean
  /** Move a draft to review: experts and leads. */
  readonly askForReview: boolean
  /** Leads only, and only a lead changes a course once it is published. */
  readonly markPublished: boolean
}

export const courseActions = (role: TeamRole, course: TeamCourse): CourseActions => ({
  coAuthor: role !== 'member',
  read: role === 'member' && course.state === 'published',
  askForReview: role !== 'member' && course.state === 'draft',
  markPublished: role === 'lead' && course.state !== 'published',
})
