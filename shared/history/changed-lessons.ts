/**
 * Which lessons changed since a version, read from the course's own Yjs structures rather than by rebuilding the
 * version: every item written since the version's state vector, and every item deleted since its delete set, is
 * traced up to the lesson that holds it. The cost grows with the edits, not with the course, so taking a version
 * stays quick on a large course. A lesson counts as changed when its title or body was edited, even if the edits
 * happen to cancel out (a word typed and deleted again); moving a lesson is not a change of it.
 */
import * as Y from 'yjs'
import { readCourse } from '../course/read'
import { LESSON, lessonsMap } from '../course/schema'
import type { LessonId } from '../course/types'

type DeleteRanges = ReadonlyMap<number, ReadonlyArray<{ readonly clock: number; readonly len: number }>>

/** The lesson whose title or body holds `item`, or undefined for anything else (a lesson's place included). */
const lessonOf = (item: Y.Item, lessons: Y.AbstractType<unknown>): string | undefined => {
  let inside: Y.Item | null = null
  let current: Y.Item | null = item
  while (current !== null) {
    const parent: Y.Item['parent'] = current.parent
    if (!(parent instanceof Y.AbstractType)) return undefined
    if (parent === lessons) {
      return inside?.parentSub === LESSON.place ? undefined : (current.parentSub ?? undefined)
    }
    inside = current
    current = parent._item
  }
  return undefined
}

/** Calls `visit` for each struct of `client` overlapping [from, to). */
const forEachStruct = (
  course: Y.Doc,
  client: number,
  from: number,
  to: number,
  visit: (struct: Y.Item | Y.GC) => void,
): void => {
  const structs = course.store.clients.get(client)
  if (structs === undefined || from >= to) return
  const last = structs[structs.length - 1]
  if (last === undefined || from >= last.id.clock + last.length) return
  for (let index = Y.findIndexSS(structs, from); index < structs.length; index++) {
    const struct = structs[index]
    if (struct === undefined || struct.id.clock >= to) return
    visit(struct)
  }
}

/** The ranges of `now` that `before` does not cover, per client. */
const newlyDeleted = (now: DeleteRanges, before: DeleteRanges): Array<[number, number, number]> => {
  const ranges: Array<[number, number, number]> = []
  for (const [client, items] of now) {
    const old = before.get(client) ?? []
    for (const { clock, len } of items) {
      let start = clock
      const end = clock + len
      for (const covered of old) {
        if (start >= end || covered.clock >= end) break
        if (covered.clock + covered.len <= start) continue
        if (covered.clock > start) ranges.push([client, start, covered.clock])
        start = Math.max(start, covered.clock + covered.len)
      }
      if (start < end) ranges.push([client, start, end])
    }
  }
  return ranges
}

/**
 * The lessons of `course`, in outline order, edited since `since` (the previous version's snapshot; `now` is the
 * course's). With no previous version every lesson counts as changed.
 */
export const changedLessonsSince = (
  course: Y.Doc,
  since: Y.Snapshot | undefined,
  now: Y.Snapshot,
): { id: LessonId; title: string }[] => {
  const lessons: Y.AbstractType<unknown> = lessonsMap(course) as unknown as Y.AbstractType<unknown>
  const touched = new Set<string>()
  const visit = (struct: Y.Item | Y.GC): void => {
    const lesson = struct instanceof Y.Item ? lessonOf(struct, lessons) : undefined
    if (lesson !== undefined) touched.add(lesson)
  }
  if (since !== undefined) {
    for (const [client, clock] of now.sv)
      forEachStruct(course, client, since.sv.get(client) ?? 0, clock, visit)
    for (const [client, from, to] of newlyDeleted(now.ds.clients, since.ds.clients)) {
      forEachStruct(course, client, from, to, visit)
    }
  }
  return readCourse(course).sections.flatMap((section) =>
    section.lessons
      .filter((lesson) => since === undefined || touched.has(lesson.id))
      .map((lesson) => ({ id: lesson.id, title: lesson.title })),
  )
}
