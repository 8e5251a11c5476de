import { Dexie, type EntityTable, type Table } from 'dexie'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusError } from '../../../shared/errors'
import type { TeamId } from '../../../shared/team/types'
import { associateStoredMedia } from './media-courses-migration'

/** One course in the library. Mirrors the document's title so the list renders without opening every course. */
export interface LibraryEntry {
  readonly id: CourseId
  readonly title: string
  readonly createdAt: number
  /** Last edit seen by this device, local or remote (milliseconds since the epoch). */
  readonly updatedAt: number
  readonly lastOpenedAt?: number
}

/** Whose document a row of update rows belongs to: a course's (content, comments, versions, feedback) or a team's space. */
export type DocKey = CourseId | TeamId

/** One stored Yjs update. Each of a course's documents is the merge of all its rows in one table. */
export interface UpdateRow {
  /** Auto-increment; assigned by IndexedDB, so rows written later sort later. */
  readonly seq: number
  /** The course, or in `teamUpdates` the team (the column keeps its name: one index for every update table). */
  readonly courseId: DocKey
  readonly update: Uint8Array
}

/** A media file (issue 5), addressed by the SHA-256 of its bytes. */
export interface MediaRow {
  /** SHA-256 of the bytes, lowercase hex. */
  readonly hash: string
  /** The course that stored it first. Which courses may use it is in `mediaCourses`, not here. */
  readonly courseId?: CourseId
  readonly mime: string
  readonly bytes: Uint8Array | Blob
  readonly createdAt: number
}

/**
 * A course that stored a media blob: by inserting it, opening a course file that carried it, downloading it from
 * the course's own relay, or the sample course. Only these courses upload, export, save or preview the blob: a
 * lesson naming another course's blob by its hash gets nothing (issue 10).
 */
export interface MediaCourseRow {
  readonly hash: string
  readonly courseId: CourseId
}

/** How a shared course reaches its relay (issue 3). Only courses joined or shared have one. */
export interface RelayLinkRow {
  readonly courseId: CourseId
  /** `ws://` or `wss://` URL of the relay, without the room. */
  readonly relayUrl: string
  readonly token: string
}

/** A team this device joined (issue 12): where its space syncs and the team invite's token. */
export interface TeamRow {
  readonly id: TeamId
  /** `ws://` or `wss://` URL of the relay, without the room. */
  readonly relayUrl: string
  readonly token: string
  /** Milliseconds since the epoch. */
  readonly joinedAt: number
  /** The team's name as its space last said, so the library lists it without opening every space. */
  readonly name?: string
}

/** A For me item that belongs to no team (a comment on a course shared one invite at a time) the user opened. */
export interface InboxReadRow {
  /** The item's key (shared/team/types.ts InboxItem.key). */
  readonly key: string
  readonly at: number
}

export interface SettingRow {
  readonly key: string
  readonly value: unknown
}

/** What the open connection tells the app about other tabs: an upgrade it blocks or one that closed it. */
export interface ConnectionEvents {
  /**
   * Called with an error when storage becomes unusable in this tab, and with null when a passing problem
   * (another tab briefly blocking this one's upgrade) is over. Returns unsubscribe.
   */
  onProblem(listener: (problem: ChorusError | null) => void): () => void
  /**
   * Called when another tab needs this connection closed (it is upgrading or deleting the database).
   * The returned promise is awaited before the connection closes, so open courses can save what they hold.
   */
  beforeClose(save: () => Promise<void>): () => void
}

export type ChorusDb = Dexie & {
  readonly courses: EntityTable<LibraryEntry, 'id'>
  readonly updates: EntityTable<UpdateRow, 'seq'>
  /** The course's review document (comment threads): apart from content, so no copy or export of it carries them. */
  readonly reviewUpdates: EntityTable<UpdateRow, 'seq'>
  /** The course's saved versions (issue 13): their list and states, synced in `<courseId>/history`. */
  readonly historyUpdates: EntityTable<UpdateRow, 'seq'>
  /** Pilot learners' feedback on the course (issue 13), synced in `<courseId>/feedback`. */
  readonly feedbackUpdates: EntityTable<UpdateRow, 'seq'>
  readonly media: EntityTable<MediaRow, 'hash'>
  readonly mediaCourses: Table<MediaCourseRow, [string, CourseId]>
  readonly settings: EntityTable<SettingRow, 'key'>
  readonly relayLinks: EntityTable<RelayLinkRow, 'courseId'>
  /** Teams joined on this device (issue 12). */
  readonly teams: EntityTable<TeamRow, 'id'>
  /** Each joined team's space as update rows, keyed by team id, synced in `team:<teamId>`. */
  readonly teamUpdates: EntityTable<UpdateRow, 'seq'>
  readonly inboxReads: EntityTable<InboxReadRow, 'key'>
  readonly connection: ConnectionEvents
}

/**
 * The tables holding documents as update rows: a course's content, review comments, versions, feedback, and the
 * spaces of joined teams.
 */
export type UpdateTable = 'updates' | 'reviewUpdates' | 'historyUpdates' | 'feedbackUpdates' | 'teamUpdates'

/** Where IndexedDB comes from; tests pass fake-indexeddb's factory for isolation. */
export interface IndexedDbSource {
  readonly indexedDB: IDBFactory
  readonly IDBKeyRange: typeof IDBKeyRange
}

// Dexie turns its debug mode on by itself on localhost and 127.0.0.1, where the browser build is served: a console
// task and a long stack for every call. That is for developing Chorus, not for using it.
Dexie.debug = import.meta.env.DEV

/**
 * Opens (lazily, on first use) the Chorus database. Schema versions only ever get added:
 * a later issue that needs a new table or index adds `db.version(2).stores({...})` below version 1.
 */
export function openChorusDb(name = 'chorus', source?: IndexedDbSource): ChorusDb {
  const dexie = new Dexie(
    name,
    source ? { indexedDB: source.indexedDB, IDBKeyRange: source.IDBKeyRange } : undefined,
  )
  dexie.version(1).stores({
    courses: 'id, updatedAt',
    updates: '++seq, courseId',
    media: 'hash, courseId',
    settings: 'key',
  })
  dexie.version(2).stores({ relayLinks: 'courseId' })
  dexie.version(3).stores({ reviewUpdates: '++seq, courseId' })
  dexie
    .version(4)
    .stores({ mediaCourses: '[hash+courseId], hash, courseId' })
    .upgrade((transaction) => associateStoredMedia(transaction))
  dexie.version(5).stores({ historyUpdates: '++seq, courseId', feedbackUpdates: '++seq, courseId' })
  dexie.version(6).stores({ teams: 'id', teamUpdates: '++seq, courseId', inboxReads: 'key' })
  const db = Object.assign(dexie, { connection: watchConnection(dexie) }) as ChorusDb
  return db
}

function watchConnection(dexie: Dexie): ConnectionEvents {
  const problemListeners = new Set<(problem: ChorusError | null) => void>()
  const savers = new Set<() => Promise<void>>()
  const report = (problem: ChorusError | null): void =>
    problemListeners.forEach((listener) => listener(problem))
  let blocked = false

  // Runs before Dexie's default handler (later subscribers run first) and replaces it: Dexie would close at
  // once, and changes still queued in memory could then never be saved from this window. Save, then let go.
  dexie.on('versionchange', () => {
    void Promise.allSettled([...savers].map((save) => save())).then(() => {
      dexie.close({ disableAutoOpen: true })
      report({
        code: 'storage-blocked',
        message:
          'Chorus was updated or opened in another window, so this window can no longer save. ' +
          'Changes shown as saved are safe. Reload this window to keep editing.',
      })
    })
    return false
  })
  dexie.on('blocked', () => {
    blocked = true
    report({
      code: 'storage-blocked',
      message:
        'Another Chorus window or tab is holding the local database. Close other Chorus windows and tabs; Chorus continues when they are closed.',
    })
  })
  // Sticky, so it also runs when Dexie reopens the database later.
  dexie.on(
    'ready',
    () => {
      if (!blocked) return
      blocked = false
      report(null)
    },
    true,
  )

  return {
    onProblem(listener) {
      problemListeners.add(listener)
      return () => problemListeners.delete(listener)
    },
    beforeClose(save) {
      savers.add(save)
      return () => savers.delete(save)
    },
  }
}
