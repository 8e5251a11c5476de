/**
 * For me as one list: the items of every joined team and of every course's comments, each with where its read
 * mark lives. Pure, so the rules (what counts as read, where opening it writes) are tested without a screen.
 */
import type { CourseId, LessonId } from '../../../../shared/course/types'
import type { InboxItem, TeamId } from '../../../../shared/team/types'

/**
 * Where an item's read mark is kept: its team's space, so opening it on one of my devices reads it on all of them,
 * or, for what belongs to no joined team (a course shared one invite at a time), this device's `inboxReads`.
 */
export type ReadPlace = { readonly kind: 'team'; readonly teamId: TeamId } | { readonly kind: 'device' }

/** A joined team's items and the read marks its space holds for me. */
export interface TeamItems {
  readonly teamId: TeamId
  readonly items: readonly InboxItem[]
  readonly readKeys: ReadonlySet<string>
  /** The titles of the team's courses, for opening one that is not on this device yet. */
  readonly courseTitles: ReadonlyMap<CourseId, string>
}

/** A course's comment items, with the team it belongs to (null: shared one invite at a time, or not at all). */
export interface CourseItems {
  readonly courseId: CourseId
  readonly teamId: TeamId | null
  readonly items: readonly InboxItem[]
  /** Each thread's lesson, so opening a comment item shows the lesson it is on. */
  readonly lessonOfThread: ReadonlyMap<string, LessonId>
}

export interface ForMeEntry {
  readonly item: InboxItem
  readonly readPlace: ReadPlace
  readonly unread: boolean
  /** For a comment item: the lesson its thread is on; null otherwise or when the thread's lesson is unknown. */
  readonly lessonId: LessonId | null
  /**
   * For a team item that opens a course (a published answer to my need): the team and the course's title, so the
   * course can be made openable here first (it may never have been opened on this device).
   */
  readonly teamCourse: { readonly teamId: TeamId; readonly title: string } | null
}

/**
 * Every item once (by key), newest first. A team course's comments are read in that team's space when the team is
 * joined here; otherwise on this device.
 */
export const forMeEntries = (
  teams: readonly TeamItems[],
  courses: readonly CourseItems[],
  deviceReadKeys: ReadonlySet<string>,
): ForMeEntry[] => {
  const teamReads = new Map(teams.map((team) => [team.teamId, team.readKeys]))
  const entries = new Map<string, ForMeEntry>()
  const add = (item: InboxItem, teamId: TeamId | null, rest: Pick<ForMeEntry, 'lessonId' | 'teamCourse'>) => {
    if (entries.has(item.key)) return
    const readKeys = teamId === null ? undefined : teamReads.get(teamId)
    const readPlace: ReadPlace =
      teamId !== null && readKeys !== undefined ? { kind: 'team', teamId } : { kind: 'device' }
    const unread = !(readKeys ?? deviceReadKeys).has(item.key)
    entries.set(item.key, { item, readPlace, unread, ...rest })
  }
  for (const team of teams) {
    for (const item of team.items) {
      const title = item.target.kind === 'course' ? team.courseTitles.get(item.target.courseId) : undefined
      add(item, team.teamId, {
        lessonId: null,
        teamCourse: title === undefined ? null : { teamId: team.teamId, title },
      })
    }
  }
  for (const course of courses) {
    for (const item of course.items) {
      const threadId = item.target.kind === 'course' ? item.target.threadId : null
      const lessonId = threadId === null ? undefined : course.lessonOfThread.get(threadId)
      add(item, course.teamId, { lessonId: lessonId ?? null, teamCourse: null })
    }
  }
  return [...entries.values()].sort(
    (a, b) => b.item.at - a.item.at || (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0),
  )
}

export const unreadCount = (entries: readonly ForMeEntry[]): number =>
  entries.reduce((count, entry) => count + (entry.unread ? 1 : 0), 0)

/** The unread keys to mark read, grouped by where each mark is written. */
export interface ReadMarks {
  readonly byTeam: ReadonlyMap<TeamId, readonly string[]>
  readonly device: readonly string[]
}

export const readMarksFor = (entries: readonly ForMeEntry[]): ReadMarks => {
  const byTeam = new Map<TeamId, string[]>()
  const device: string[] = []
  for (const entry of entries) {
    if (!entry.unread) continue
    if (entry.readPlace.kind === 'device') {
      device.push(entry.item.key)
      continue
    }
    const keys = byTeam.get(entry.readPlace.teamId) ?? []
    keys.push(entry.item.key)
    byTeam.set(entry.readPlace.teamId, keys)
  }
  return { byTeam, device }
}
