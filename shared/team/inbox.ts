/**
 * What For me lists. Items are derived from the documents, never stored: only their read marks are (in the team
 * document for a team's items, on the device for the rest). So every key is built from the ids of what caused
 * the item and stays the same whenever the item is derived again.
 *
 * - `need-claimed`: a need I declared or voted for (or one merged into it) was claimed by, or assigned to, an
 *   expert by someone else;
 * - `need-published`: a course answering such a need was published (or a lead marked the need published);
 * - `need-mention`: someone mentioned me in a need's discussion;
 * - `comment-mention`: someone mentioned me in a course comment;
 * - `thread-on-my-course`: someone started a thread on a course I author.
 */
import type { CourseId } from '../course/types'
import type { ThreadSnapshot } from '../review/types'
import type { InboxItem, NeedSnapshot, TeamPerson, TeamSnapshot } from './types'

const quoted = (title: string): string => `"${title}"`

const newestFirst = (a: InboxItem, b: InboxItem): number =>
  b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/** Whether the need is one I asked for: I declared it or said "me too" (on it or a need merged into it). */
const askedBy = (need: NeedSnapshot, me: TeamPerson): boolean =>
  need.declaredBy.id === me.id || need.voters.some((voter) => voter.id === me.id)

const claimItems = (snapshot: TeamSnapshot, need: NeedSnapshot, me: TeamPerson): InboxItem[] =>
  need.claims
    .filter((claim) => claim.by.id !== me.id && claim.expert.id !== me.id)
    .map((claim) => ({
      key: `need-claimed:${need.id}:${claim.expert.id}`,
      kind: 'need-claimed',
      at: claim.at,
      from: claim.by,
      summary:
        claim.by.id === claim.expert.id
          ? `${claim.by.name} claimed ${quoted(need.title)}`
          : `${claim.by.name} assigned ${quoted(need.title)} to ${claim.expert.name}`,
      target: { kind: 'need', teamId: snapshot.id, needId: need.id },
    }))

const publishedItems = (snapshot: TeamSnapshot, need: NeedSnapshot, me: TeamPerson): InboxItem[] => {
  const items: InboxItem[] = []
  for (const courseId of need.courseIds) {
    const course = snapshot.courses.find((candidate) => candidate.id === courseId)
    if (course?.state !== 'published' || course.stateBy === null || course.stateBy.id === me.id) continue
    items.push({
      key: `need-published:${need.id}:${course.id}`,
      kind: 'need-published',
      at: course.stateAt ?? course.createdAt,
      from: course.stateBy,
      summary: `${course.stateBy.name} published ${quoted(course.title)}, answering ${quoted(need.title)}`,
      target: { kind: 'course', courseId: course.id, threadId: null },
    })
  }
  // A lead may mark a need published by hand (answered elsewhere): told once, if no course told it already.
  if (
    items.length === 0 &&
    need.status === 'published' &&
    need.statusBy !== null &&
    need.statusBy.id !== me.id
  )
    items.push({
      key: `need-published:${need.id}`,
      kind: 'need-published',
      at: need.statusAt ?? need.declaredAt,
      from: need.statusBy,
      summary: `${need.statusBy.name} marked ${quoted(need.title)} published`,
      target: { kind: 'need', teamId: snapshot.id, needId: need.id },
    })
  return items
}

const mentionItems = (snapshot: TeamSnapshot, need: NeedSnapshot, me: TeamPerson): InboxItem[] =>
  need.posts
    .filter((post) => post.author.id !== me.id && post.mentions.includes(me.id))
    .map((post) => ({
      key: `need-mention:${need.id}:${post.id}`,
      kind: 'need-mention',
      at: post.at,
      from: post.author,
      summary: `${post.author.name} mentioned you in ${quoted(need.title)}`,
      target: { kind: 'need', teamId: snapshot.id, needId: need.id },
    }))

/** The team's For me items for `me`, newest first. */
export const teamInboxItems = (snapshot: TeamSnapshot, me: TeamPerson): InboxItem[] => {
  const items = new Map<string, InboxItem>()
  for (const need of snapshot.needs) {
    const found = [
      ...(askedBy(need, me)
        ? [...claimItems(snapshot, need, me), ...publishedItems(snapshot, need, me)]
        : []),
      ...mentionItems(snapshot, need, me),
    ]
    for (const item of found) if (!items.has(item.key)) items.set(item.key, item)
  }
  return [...items.values()].sort(newestFirst)
}

export interface CourseCommentsInput {
  readonly courseId: CourseId
  readonly courseTitle: string
  readonly threads: readonly ThreadSnapshot[]
  readonly me: TeamPerson
  /** Whether I author the course: then every thread someone else starts on it is for me. */
  readonly myCourse: boolean
}

/** A course's For me items for `me` (mentions in its comments; threads by others if it is mine), newest first. */
export const commentInboxItems = ({
  courseId,
  courseTitle,
  threads,
  me,
  myCourse,
}: CourseCommentsInput): InboxItem[] => {
  const items: InboxItem[] = []
  for (const thread of threads) {
    const threadItem = myCourse && thread.createdBy.id !== me.id
    if (threadItem)
      items.push({
        key: `thread-on-my-course:${courseId}:${thread.id}`,
        kind: 'thread-on-my-course',
        at: thread.createdAt,
        from: thread.createdBy,
        summary: `${thread.createdBy.name} commented on ${quoted(courseTitle)}`,
        target: { kind: 'course', courseId, threadId: thread.id },
      })
    thread.comments.forEach((comment, index) => {
      if (comment.deleted || comment.author.id === me.id || !comment.mentions.includes(me.id)) return
      // The thread's first comment is already told by the thread's own item.
      if (threadItem && index === 0) return
      items.push({
        key: `comment-mention:${courseId}:${thread.id}:${comment.id}`,
        kind: 'comment-mention',
        at: comment.createdAt,
        from: comment.author,
        summary: `${comment.author.name} mentioned you on ${quoted(courseTitle)}`,
        target: { kind: 'course', courseId, threadId: thread.id },
      })
    })
  }
  return items.sort(newestFirst)
}
