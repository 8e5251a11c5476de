/**
 * For me's comment items, read from every course's review document as stored on this device (the comments synced
 * while the course was open, or since by shared-comments-refresh.ts): mentions of me, and threads by others on
 * courses I author.
 *
 * Big libraries: a course's review document is decoded only when its stored rows changed since the last read (new
 * rows, or a compaction), one course at a time; what the library watches to notice that reads keys only, never
 * the updates themselves.
 */
import type { CourseId, LessonId } from '../../../../shared/course/types'
import { readThreads } from '../../../../shared/review/read'
import type { ThreadSnapshot } from '../../../../shared/review/types'
import { commentInboxItems } from '../../../../shared/team/inbox'
import type { TeamId } from '../../../../shared/team/types'
import { readCourseIdentity, type CourseIdentity } from '../../review/identity'
import type { ChorusDb } from '../../storage/db'
import { readSetting } from '../../storage/settings'
import { docFromRows, readUpdateRows } from '../../storage/stored-doc'
import { teamOfLink } from '../../team/team-course-links'
import type { CourseItems } from './for-me-entries'

/** One course as For me watches it: cheap to read, and it changes whenever the course's comments do. */
export interface WatchedCourse {
  readonly courseId: CourseId
  readonly title: string
  readonly token: string | null
  /** The team whose invite the course's relay link carries; null for a course invite's link, or none. */
  readonly teamId: TeamId | null
  /** The last row key and the number of rows of its review document: any new or compacted row changes it. */
  readonly reviewRows: string
}

export interface WatchedLibrary {
  readonly courses: readonly WatchedCourse[]
  readonly displayName: string
}

/** Reads what For me watches, in one read transaction: for Dexie's liveQuery, which re-runs it on any change. */
export const watchedLibrary = (db: ChorusDb): Promise<WatchedLibrary> =>
  db.transaction('r', [db.courses, db.relayLinks, db.reviewUpdates, db.settings], async () => {
    const byCourse = db.reviewUpdates.orderBy('courseId')
    const [courses, links, rowCourses, rowSeqs, displayName] = await Promise.all([
      db.courses.toArray(),
      db.relayLinks.toArray(),
      byCourse.keys(),
      byCourse.primaryKeys(),
      readSetting(db, 'displayName'),
    ])
    const rows = new Map<string, { count: number; last: number }>()
    rowCourses.forEach((courseId, index) => {
      const seen = rows.get(String(courseId)) ?? { count: 0, last: 0 }
      rows.set(String(courseId), { count: seen.count + 1, last: Math.max(seen.last, Number(rowSeqs[index])) })
    })
    const linkOf = new Map(links.map((link) => [link.courseId, link]))
    return {
      displayName: displayName ?? '',
      courses: courses.map((course) => {
        const stored = rows.get(course.id)
        const link = linkOf.get(course.id)
        return {
          courseId: course.id,
          title: course.title,
          token: link?.token ?? null,
          teamId: link === undefined ? null : teamOfLink(link),
          reviewRows: stored === undefined ? '' : `${stored.last}:${stored.count}`,
        }
      }),
    }
  })

interface CachedCourse {
  readonly reviewRows: string
  /** Empty too for a document with no threads, or one that cannot be read: neither is decoded again. */
  readonly threads: readonly ThreadSnapshot[]
  /** Who I am in the course, and the invite and name it was read for; read only for a course with threads. */
  readonly identity: { readonly of: string; readonly is: CourseIdentity } | null
}

const NO_THREADS: readonly ThreadSnapshot[] = []

/**
 * Turns watched courses into For me items, re-reading only what changed since the previous call: a course's
 * threads when its review rows changed, who I am in it when its invite or my name changed.
 */
export function createCommentItemsReader(db: ChorusDb) {
  const cache = new Map<CourseId, CachedCourse>()

  const decodeThreads = async (courseId: CourseId): Promise<readonly ThreadSnapshot[]> => {
    const rows = await readUpdateRows(db, 'reviewUpdates', courseId)
    try {
      const doc = docFromRows(rows, 'The comments stored on this device for this course are damaged.')
      const threads = readThreads(doc)
      doc.destroy()
      return threads
    } catch (thrown) {
      // The course view says so when the course is opened; For me lists what the other courses hold.
      console.warn(`[for-me] the comments of course ${courseId} could not be read`, thrown)
      return NO_THREADS
    }
  }

  const readCourse = async (course: WatchedCourse, displayName: string): Promise<CourseItems> => {
    const { courseId, teamId, reviewRows } = course
    const cached = cache.get(courseId)
    const threads =
      reviewRows === ''
        ? NO_THREADS
        : cached?.reviewRows === reviewRows
          ? cached.threads
          : await decodeThreads(courseId)
    if (threads.length === 0) {
      cache.set(courseId, { reviewRows, threads, identity: null })
      return { courseId, teamId, items: [], lessonOfThread: new Map() }
    }
    const identityOf = `${course.token ?? ''}\n${displayName}`
    const identity =
      cached?.identity?.of === identityOf ? cached.identity.is : await readCourseIdentity(db, courseId)
    cache.set(courseId, { reviewRows, threads, identity: { of: identityOf, is: identity } })
    const items = commentInboxItems({
      courseId,
      courseTitle: course.title.trim() === '' ? 'Untitled course' : course.title,
      threads,
      me: identity.me,
      myCourse: identity.role === 'author',
    })
    const lessonOfThread = new Map<string, LessonId>(threads.map((thread) => [thread.id, thread.lessonId]))
    return { courseId, teamId, items, lessonOfThread }
  }

  return async (library: WatchedLibrary): Promise<CourseItems[]> => {
    const present = new Set(library.courses.map((course) => course.courseId))
    for (const courseId of cache.keys()) if (!present.has(courseId)) cache.delete(courseId)
    const result: CourseItems[] = []
    // One course after another: decoding many review documents at once would hold the page for their sum.
    for (const course of library.courses) result.push(await readCourse(course, library.displayName))
    return result
  }
}
