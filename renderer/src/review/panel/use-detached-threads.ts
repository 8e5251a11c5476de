import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { lessonBody } from '../../../../shared/course/read'
import { resolveAnchor } from '../../../../shared/review/anchor'
import type { ThreadId, ThreadSnapshot } from '../../../../shared/review/types'

const NONE: ReadonlySet<ThreadId> = new Set()

/** Threads whose text is gone: deleted entirely, or its lesson was. */
const detachedOf = (courseDoc: Y.Doc, threads: readonly ThreadSnapshot[]): ReadonlySet<ThreadId> => {
  const detached = new Set<ThreadId>()
  for (const thread of threads) {
    const body = lessonBody(courseDoc, thread.lessonId)
    if (
      thread.anchor === null ||
      body === undefined ||
      resolveAnchor(courseDoc, body, thread.anchor).kind === 'detached'
    ) {
      detached.add(thread.id)
    }
  }
  return detached.size === 0 ? NONE : detached
}

const same = (a: ReadonlySet<ThreadId>, b: ReadonlySet<ThreadId>): boolean =>
  a.size === b.size && [...a].every((id) => b.has(id))

/** Kept current as the course's text changes; re-renders only when a thread's state actually changes. */
export function useDetachedThreads(
  courseDoc: Y.Doc,
  threads: readonly ThreadSnapshot[],
): ReadonlySet<ThreadId> {
  const [detached, setDetached] = useState<ReadonlySet<ThreadId>>(() => detachedOf(courseDoc, threads))
  useEffect(() => {
    let frame = 0
    const update = (): void => {
      frame = 0
      const next = detachedOf(courseDoc, threads)
      setDetached((current) => (same(current, next) ? current : next))
    }
    // Typing makes an update per keystroke: look at most once per frame.
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(update)
    }
    update()
    courseDoc.on('update', schedule)
    return () => {
      courseDoc.off('update', schedule)
      cancelAnimationFrame(frame)
    }
  }, [courseDoc, threads])
  return detached
}
