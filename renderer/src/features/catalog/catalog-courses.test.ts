import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../../../shared/course/types'
import type {
  CourseState,
  NeedId,
  NeedSnapshot,
  TeamCourse,
  TeamId,
  TeamSnapshot,
} from '../../../../shared/team/types'
import {
  answeredNeed,
  catalogCourses,
  catalogFilterLabel,
  catalogFilters,
  courseActions,
  courseAuthors,
} from './catalog-courses'

const ana = { id: 'u-ana', name: 'Ana' }
const bo = { id: 'u-bo', name: 'Bo' }

const course = (
  id: string,
  state: CourseState,
  lastActivityAt: number,
  extra: Partial<TeamCourse> = {},
): TeamCourse => ({
  id: id as CourseId,
  title: `Course ${id}`,
  needId: null,
  createdBy: ana,
  createdAt: 1,
  state,
  stateBy: null,
  stateAt: null,
  progress: null,
  lastActivityAt,
  ...extra,
})

const need = (id: string, mergedInto: string | null = null): NeedSnapshot => ({
  id: id as NeedId,
  title: `Need ${id}`,
  outcome: '',
  audience: '',
  urgency: 'later',
  due: null,
  context: '',
  links: [],
  declaredBy: bo,
  declaredAt: 1,
  status: 'open',
  statusBy: null,
  statusAt: null,
  voters: [],
  claims: [],
  posts: [],
  courseIds: [],
  mergedInto: mergedInto as NeedId | null,
  mergedFrom: [],
})

const snapshot = (needs: NeedSnapshot[]): TeamSnapshot => ({
  id: 'team' as TeamId,
  name: 'Team',
  members: [],
  needs,
  courses: [],
})

describe('catalogCourses', () => {
  const courses = [course('a', 'draft', 10), course('b', 'published', 30), course('c', 'review', 20)]

  it('lists every course to experts and leads, most recent activity first', () => {
    expect(catalogCourses(courses, 'expert', 'all').map((c) => c.id)).toEqual(['b', 'c', 'a'])
    expect(catalogCourses(courses, 'lead', 'review').map((c) => c.id)).toEqual(['c'])
  })

  it('shows members published courses only, whatever the filter', () => {
    expect(catalogCourses(courses, 'member', 'all').map((c) => c.id)).toEqual(['b'])
    expect(catalogCourses(courses, 'member', 'draft')).toEqual([])
  })
})

describe('courseActions', () => {
  it('lets experts co-author and ask for review of a draft, but never publish', () => {
    expect(courseActions('expert', course('a', 'draft', 1))).toEqual({
      coAuthor: true,
      read: false,
      askForReview: true,
      markPublished: false,
    })
    expect(courseActions('expert', course('a', 'review', 1)).askForReview).toBe(false)
  })

  it('lets leads publish what is not yet published', () => {
    expect(courseActions('lead', course('a', 'review', 1)).markPublished).toBe(true)
    expect(courseActions('lead', course('a', 'published', 1)).markPublished).toBe(false)
  })

  it('lets members read a published course and nothing else', () => {
    expect(courseActions('member', course('a', 'published', 1))).toEqual({
      coAuthor: false,
      read: true,
      askForReview: false,
      markPublished: false,
    })
  })
})

describe('courseAuthors', () => {
  it('names the co-authors the progress reports, else the creator', () => {
    expect(courseAuthors(course('a', 'draft', 1))).toEqual([ana])
    const progress = {
      lessons: 1,
      words: 2,
      openComments: 0,
      coAuthors: [ana, bo],
      lastEditBy: bo,
      lastEditAt: 3,
    }
    expect(courseAuthors(course('a', 'draft', 1, { progress }))).toEqual([ana, bo])
    expect(courseAuthors(course('a', 'draft', 1, { progress: { ...progress, coAuthors: [] } }))).toEqual([
      ana,
    ])
  })
})

describe('answeredNeed', () => {
  it('follows a merged need to the one it was merged into', () => {
    const team = snapshot([need('n1', 'n2'), need('n2')])
    expect(answeredNeed(team, course('a', 'draft', 1, { needId: 'n1' as NeedId }))?.id).toBe('n2')
  })

  it('stops at a need missing here or a merge cycle, and is null without a need', () => {
    expect(
      answeredNeed(snapshot([need('n1', 'gone')]), course('a', 'draft', 1, { needId: 'n1' as NeedId }))?.id,
    ).toBe('n1')
    const cycle = snapshot([need('n1', 'n2'), need('n2', 'n1')])
    expect(answeredNeed(cycle, course('a', 'draft', 1, { needId: 'n1' as NeedId }))).not.toBeNull()
    expect(answeredNeed(cycle, course('a', 'draft', 1))).toBeNull()
    expect(answeredNeed(snapshot([]), course('a', 'draft', 1, { needId: 'n9' as NeedId }))).toBeNull()
  })
})

it('offers filters with each state in words', () => {
  expect(catalogFilters('expert').map(catalogFilterLabel)).toEqual(['All', 'Draft', 'In review', 'Published'])
})
