/**
 * Plain snapshot types of a team space (issue 12): the needs board, the team catalog and what For me is made of.
 * No Y types cross this line: a team document is read with `readTeam` (read.ts) and changed with the commands in
 * team-doc.ts. The document's shape (one flat map of entries, entries.ts) is explained in team-doc.ts.
 */
import type { CourseId } from '../course/types'
import type { TeamRole } from '../protocol/token'

declare const brand: unique symbol
type Branded<T, B extends string> = T & { readonly [brand]: B }

/** Letters, digits, `_` and `-`, 1–64 characters, like course ids (`isTeamId` in protocol/rooms.ts). */
export type TeamId = Branded<string, 'TeamId'>
export type NeedId = Branded<string, 'NeedId'>
export type PostId = Branded<string, 'PostId'>

/** Someone as the team space records them: the relay's user id plus the name their invite carries. */
export interface TeamPerson {
  readonly id: string
  readonly name: string
}

/** Who runs a command: the person and the role their team invite grants (the relay checks both). */
export interface TeamActor extends TeamPerson {
  readonly role: TeamRole
}

export const URGENCIES = ['now', 'quarter', 'later'] as const
/** now / this quarter / later. */
export type Urgency = (typeof URGENCIES)[number]

/**
 * A need's life, in the order it normally moves. Archived sits outside that order in meaning but ranks last, so
 * archiving is a move forward; bringing an archived (or any) need back is a deliberate move back (see status.ts).
 */
export const NEED_STATUSES = ['open', 'claimed', 'in-progress', 'published', 'closed', 'archived'] as const
export type NeedStatus = (typeof NEED_STATUSES)[number]

/** What a person fills in to declare a need, and later edits. */
export interface NeedFields {
  readonly title: string
  /** What people should be able to do afterwards. */
  readonly outcome: string
  /** Who needs it (free text: "new sales hires", "everyone on call"). */
  readonly audience: string
  readonly urgency: Urgency
  /** Optional due date, `YYYY-MM-DD`. */
  readonly due: string | null
  readonly context: string
  /** http(s) URLs. */
  readonly links: readonly string[]
}

export interface NeedPost {
  readonly id: PostId
  readonly author: TeamPerson
  readonly text: string
  /** User ids of the team members the text mentions (`@Name`). */
  readonly mentions: readonly string[]
  /** Milliseconds since the epoch. */
  readonly at: number
}

export interface NeedClaim {
  /** The expert who answers the need. */
  readonly expert: TeamPerson
  /** Who made the claim: the expert, or a lead who assigned them. */
  readonly by: TeamPerson
  readonly at: number
}

export interface NeedSnapshot extends NeedFields {
  readonly id: NeedId
  readonly declaredBy: TeamPerson
  readonly declaredAt: number
  readonly status: NeedStatus
  /** The last status change that decided `status`; null while it is still open as declared. */
  readonly statusBy: TeamPerson | null
  readonly statusAt: number | null
  /** Everyone who said "me too" (each person once, whatever their devices did), on this need or one merged into it. */
  readonly voters: readonly TeamPerson[]
  readonly claims: readonly NeedClaim[]
  /** Oldest first. */
  readonly posts: readonly NeedPost[]
  /** Team courses answering the need, oldest link first. */
  readonly courseIds: readonly CourseId[]
  /** Set when a lead merged this need into another as a duplicate: the board shows it under that one. */
  readonly mergedInto: NeedId | null
  /** Needs merged into this one. */
  readonly mergedFrom: readonly NeedId[]
}

/** A team course's publication state, as the catalog shows it. */
export const COURSE_STATES = ['draft', 'review', 'published'] as const
export type CourseState = (typeof COURSE_STATES)[number]

/** A team course's live progress, written by its authors' apps while they edit. */
export interface CourseProgress {
  readonly lessons: number
  readonly words: number
  readonly openComments: number
  readonly coAuthors: readonly TeamPerson[]
  readonly lastEditBy: TeamPerson | null
  readonly lastEditAt: number | null
}

export interface TeamCourse {
  readonly id: CourseId
  readonly title: string
  /** The need it answers, if any. */
  readonly needId: NeedId | null
  readonly createdBy: TeamPerson
  readonly createdAt: number
  readonly state: CourseState
  readonly stateBy: TeamPerson | null
  readonly stateAt: number | null
  readonly progress: CourseProgress | null
  /** Latest of creation, state change and progress: the catalog's "last activity". */
  readonly lastActivityAt: number
}

export interface TeamMember extends TeamPerson {
  readonly role: TeamRole
  /** When their app last recorded them (first join, or a role or name change). */
  readonly seenAt: number
}

export interface TeamSnapshot {
  readonly id: TeamId
  /** Set by a lead; the team id until then. */
  readonly name: string
  readonly members: readonly TeamMember[]
  /** Every need, merged ones included (they carry `mergedInto`), newest first. */
  readonly needs: readonly NeedSnapshot[]
  readonly courses: readonly TeamCourse[]
}

/** What For me lists (inbox.ts). Keys are stable, so read marks survive re-reading. */
export type InboxItemKind =
  'need-claimed' | 'need-published' | 'need-mention' | 'comment-mention' | 'thread-on-my-course'

export interface InboxItem {
  readonly key: string
  readonly kind: InboxItemKind
  readonly at: number
  /** Who caused it. */
  readonly from: TeamPerson
  /** One line for the list, e.g. `Ana claimed "Negotiating renewals"`. */
  readonly summary: string
  /** Where opening it goes. */
  readonly target:
    | { readonly kind: 'need'; readonly teamId: TeamId; readonly needId: NeedId }
    | { readonly kind: 'course'; readonly courseId: CourseId; readonly threadId: string | null }
}
