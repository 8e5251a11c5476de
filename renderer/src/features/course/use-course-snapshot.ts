import { useSyncExternalStore } from 'react'
import type { Doc } from 'yjs'
import { observeCourse, readCourse } from '../../../../shared/course/read'
import type { CourseSnapshot } from '../../../../shared/course/types'

interface SnapshotStore {
  readonly subscribe: (onChange: () => void) => () => void
  readonly current: () => CourseSnapshot
}

const stores = new WeakMap<Doc, SnapshotStore>()

/**
 * The course read once, then re-read on every change to its outline or metadata for as long as the document lives.
 * It listens from the first read on, so no change is missed between the first render and the first effect, and
 * the view needs no second read (and second render of the whole course) to catch one when it mounts.
 */
const snapshotStore = (doc: Doc): SnapshotStore => {
  const existing = stores.get(doc)
  if (existing) return existing
  let snapshot = readCourse(doc)
  const listeners = new Set<() => void>()
  observeCourse(doc, (next) => {
    snapshot = next
    listeners.forEach((listener) => listener())
  })
  const store: SnapshotStore = {
    subscribe: (onChange) => {
      listeners.add(onChange)
      return () => {
        listeners.delete(onChange)
      }
    },
    current: () => snapshot,
  }
  stores.set(doc, store)
  return store
}

/** The course as plain data, re-read whenever its outline or metadata changes (locally, from storage or peers). */
export const useCourseSnapshot = (doc: Doc): CourseSnapshot => {
  const store = snapshotStore(doc)
  return useSyncExternalStore(store.subscribe, store.current)
}
