/**
 * Commands on team courses: register one (answering a need), move its publication state, report its live
 * progress. Each is one transaction with `TEAM_ORIGIN`, checks its actor's role as the relay does, and writes
 * nothing when nothing changes.
 */
import type * as Y from 'yjs'
import type { CourseId } from '../course/types'
import { isCourseId } from '../protocol/rooms'
import { MAX_CO_AUTHORS, type StoredProgress } from './entries'
import { namedPerson, requireRole, titleText, writerOf } from './actor'
import { requireNeed, writeStatusMove } from './need-commands'
import { forwardMove } from './status'
import {
  deleteEntry,
  entriesUnder,
  getEntry,
  hasEntry,
  needStatusDecision,
  runTeamCommand,
  setEntry,
} from './team-store'
import type { CourseProgress, CourseState, NeedId, TeamActor, TeamPerson } from './types'

const requireCourseId = (courseId: string): CourseId => {
  if (!isCourseId(courseId))
    throw new RangeError('This course id cannot belong to a team: create the course again.')
  return courseId
}

/**
 * Experts and leads: records a team course (answering `needId`, if any), links it to the need and moves the need
 * to In progress. Registering it again only updates its title: who created it, when, and its need stay.
 */
export const registerTeamCourse = (
  doc: Y.Doc,
  actor: TeamActor,
  course: { readonly courseId: CourseId; readonly title: string; readonly needId: NeedId | null },
  now: number = Date.now(),
): void => {
  const by = writerOf(actor)
  requireRole(actor, ['expert', 'lead'], 'create team courses')
  const courseId = requireCourseId(course.courseId)
  const title = titleText(course.title, 'course')
  const { needId } = course
  runTeamCommand(doc, () => {
    if (needId !== null) requireNeed(doc, needId)
    const key = { kind: 'course', courseId } as const
    const held = getEntry(doc, key)
    if (held === null) setEntry(doc, key, { title, needId, by, at: now })
    else if (held.title !== title) setEntry(doc, key, { ...held, title })
    if (needId === null) return
    const link = { kind: 'link', needId, courseId } as const
    if (!hasEntry(doc, link)) setEntry(doc, link, { by, at: now })
    writeStatusMove(doc, needId, forwardMove(needStatusDecision(doc, needId), 'in-progress'), by, now)
  })
}

/** The needs a course answers: the one it was created for and every one linked to it. */
const needsOfCourse = (doc: Y.Doc, courseId: CourseId, createdFor: NeedId | null): NeedId[] => {
  const needs = new Set<NeedId>(createdFor === null ? [] : [createdFor])
  for (const { key } of entriesUnder(doc, 'link')) if (key.courseId === courseId) needs.add(key.needId)
  return [...needs].filter((needId) => getEntry(doc, { kind: 'need', needId }) !== null)
}

/**
 * Experts and leads move a course between draft and review (its courseState entry); only a lead publishes it (by
 * creating its published entry, which moves the needs it answers to Published) and takes it out of publication
 * (by deleting that entry and writing the state asked for). Once published, an expert cannot change its state.
 */
export const setCourseState = (
  doc: Y.Doc,
  actor: TeamActor,
  courseId: CourseId,
  state: CourseState,
  now: number = Date.now(),
): void => {
  const by = writerOf(actor)
  requireRole(actor, ['expert', 'lead'], 'change the state of team courses')
  if (state === 'published') requireRole(actor, ['lead'], 'mark courses published')
  runTeamCommand(doc, () => {
    const course = getEntry(doc, { kind: 'course', courseId })
    if (course === null)
      throw new RangeError('This course is not in the team catalog: open it from the team space.')
    const published = { kind: 'published', courseId } as const
    const isPublished = getEntry(doc, published) !== null
    if (state === 'published') {
      if (!isPublished) setEntry(doc, published, { by, at: now })
      for (const needId of needsOfCourse(doc, courseId, course.needId))
        writeStatusMove(doc, needId, forwardMove(needStatusDecision(doc, needId), 'published'), by, now)
      return
    }
    if (isPublished && actor.role !== 'lead')
      throw new RangeError('This course is published: only a team lead can take it out of publication.')
    const key = { kind: 'courseState', courseId } as const
    if (isPublished) deleteEntry(doc, published)
    // Coming out of publication writes the state even when it is the same, so the catalog shows who did it.
    if (isPublished || (getEntry(doc, key)?.state ?? 'draft') !== state)
      setEntry(doc, key, { state, by, at: now })
  })
}

const count = (value: number): number =>
  Number.isFinite(value) ? Math.min(Math.max(0, Math.round(value)), Number.MAX_SAFE_INTEGER) : 0

const storedCoAuthors = (people: readonly TeamPerson[]): TeamPerson[] => {
  const byId = new Map<string, TeamPerson>()
  for (const person of people) if (!byId.has(person.id)) byId.set(person.id, namedPerson(person))
  return [...byId.values()].slice(0, MAX_CO_AUTHORS)
}

const sameProgress = (a: CourseProgress, b: CourseProgress): boolean =>
  a.lessons === b.lessons &&
  a.words === b.words &&
  a.openComments === b.openComments &&
  a.lastEditAt === b.lastEditAt &&
  a.lastEditBy?.id === b.lastEditBy?.id &&
  a.lastEditBy?.name === b.lastEditBy?.name &&
  a.coAuthors.length === b.coAuthors.length &&
  a.coAuthors.every((person, i) => person.id === b.coAuthors[i]?.id && person.name === b.coAuthors[i]?.name)

/** Experts and leads: the course's live progress as their app counts it; nothing is written when it is the same. */
export const setCourseProgress = (
  doc: Y.Doc,
  actor: TeamActor,
  courseId: CourseId,
  progress: CourseProgress,
  now: number = Date.now(),
): void => {
  writerOf(actor)
  requireRole(actor, ['expert', 'lead'], 'report the progress of team courses')
  requireCourseId(courseId)
  const lastEditAt =
    progress.lastEditAt !== null && Number.isFinite(progress.lastEditAt) && progress.lastEditAt >= 0
      ? progress.lastEditAt
      : null
  const stored: StoredProgress = {
    lessons: count(progress.lessons),
    words: count(progress.words),
    openComments: count(progress.openComments),
    coAuthors: storedCoAuthors(progress.coAuthors),
    lastEditBy: progress.lastEditBy === null ? null : namedPerson(progress.lastEditBy),
    lastEditAt,
    at: now,
  }
  runTeamCommand(doc, () => {
    const key = { kind: 'progress', courseId } as const
    const held = getEntry(doc, key)
    if (held === null || !sameProgress(held, stored)) setEntry(doc, key, stored)
  })
}
