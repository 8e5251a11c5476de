/**
 * Plain snapshot types the review UI reads. No Y types cross this line: threads are read with `readThreads`
 * and changed with the commands in commands.ts.
 */
import type { LessonId } from '../course/types'
import type { Anchor } from './stored-position'

declare const brand: unique symbol
type Branded<T, B extends string> = T & { readonly [brand]: B }

export type ThreadId = Branded<string, 'ThreadId'>
export type CommentId = Branded<string, 'CommentId'>

/** A course member as the review data records them: a stable id plus the display name at the time. */
export interface Person {
  readonly id: string
  readonly name: string
}

/** The last resolve or reopen of a thread: who did it and when. */
export interface Resolution {
  readonly resolved: boolean
  readonly by: Person
  /** Milliseconds since the epoch. */
  readonly at: number
}

export interface CommentSnapshot {
  readonly id: CommentId
  readonly author: Person
  /** Plain text with @mentions; empty once deleted. */
  readonly body: string
  /** Ids (or, from other tools, display names) of the members the body mentions; empty once deleted. */
  readonly mentions: readonly string[]
  readonly createdAt: number
  readonly editedAt: number | null
  readonly deleted: boolean
}

export interface ThreadSnapshot {
  readonly id: ThreadId
  readonly lessonId: LessonId
  /** Null only if a peer stored something unreadable; the thread is then shown as detached, never dropped. */
  readonly anchor: Anchor | null
  /** The text the thread was made on, shown when the anchored text is gone. */
  readonly quote: string
  readonly createdAt: number
  readonly createdBy: Person
  readonly resolution: Resolution | null
  /** Derived from `resolution`, so every reader agrees on what "resolved" means. */
  readonly resolved: boolean
  /** Ordered by createdAt, then id: every replica shows concurrent replies in the same order. */
  readonly comments: readonly CommentSnapshot[]
}
