/** Pure questions about thread snapshots, for the side panel, the outline and the export dialog. */
import type { LessonId } from '../course/types'
import type { Person, ThreadSnapshot } from './types'

export type ThreadStatus = 'open' | 'resolved' | 'all'

export interface ThreadFilter {
  readonly status: ThreadStatus
  /** Only this lesson's threads; all lessons when absent. */
  readonly lessonId?: string
  /** A user id: threads this user started or wrote a (not deleted) comment in. */
  readonly mine?: string
  /** Threads whose live comments mention this person, by id or by display name (case-insensitive). */
  readonly forMe?: Person
}

const matchesStatus = (thread: ThreadSnapshot, status: ThreadStatus): boolean => {
  switch (status) {
    case 'open':
      return !thread.resolved
    case 'resolved':
      return thread.resolved
    case 'all':
      return true
  }
}

export const isParticipant = (thread: ThreadSnapshot, userId: string): boolean =>
  thread.createdBy.id === userId ||
  thread.comments.some((comment) => !comment.deleted && comment.author.id === userId)

export const mentionsPerson = (thread: ThreadSnapshot, person: Person): boolean => {
  const name = person.name.trim().toLowerCase()
  return thread.comments.some(
    (comment) =>
      !comment.deleted &&
      comment.mentions.some(
        (mention) => mention === person.id || (name !== '' && mention.trim().toLowerCase() === name),
      ),
  )
}

export const filterThreads = (threads: readonly ThreadSnapshot[], filter: ThreadFilter): ThreadSnapshot[] =>
  threads.filter(
    (thread) =>
      matchesStatus(thread, filter.status) &&
      (filter.lessonId === undefined || thread.lessonId === filter.lessonId) &&
      (filter.mine === undefined || isParticipant(thread, filter.mine)) &&
      (filter.forMe === undefined || mentionsPerson(thread, filter.forMe)),
  )

/** Open threads per lesson, for the outline; lessons without open threads are absent. */
export const openThreadCounts = (threads: readonly ThreadSnapshot[]): Map<LessonId, number> => {
  const counts = new Map<LessonId, number>()
  for (const thread of threads) {
    if (!thread.resolved) counts.set(thread.lessonId, (counts.get(thread.lessonId) ?? 0) + 1)
  }
  return counts
}

/** For the export dialog: open threads never block an export, but the author is told how many there are. */
export const countOpenThreads = (threads: readonly ThreadSnapshot[]): number =>
  threads.filter((thread) => !thread.resolved).length
