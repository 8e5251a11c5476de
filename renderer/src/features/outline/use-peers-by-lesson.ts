import { useMemo } from 'react'
import type { LessonId } from '../../../../shared/course/types'
import { usePeers, type Peer } from '../../sync/presence'

export const NO_PEERS: readonly Peer[] = []

/**
 * The other people in the course, grouped by the lesson they have open. One subscription for the whole outline:
 * a caret moving on every keystroke must not wake a thousand rows, each filtering everyone.
 */
export function usePeersByLesson(): ReadonlyMap<LessonId, readonly Peer[]> {
  const others = usePeers().filter((peer) => !peer.self && peer.lessonId !== null)
  // Carets move on every keystroke and each move is an awareness change; the grouping changes far less often.
  const key = others
    .map((peer) => [peer.lessonId, peer.clientId, peer.name, peer.colour].join('\u0000'))
    .join('\u0001')
  return useMemo(() => {
    const byLesson = new Map<LessonId, Peer[]>()
    for (const peer of others) {
      if (peer.lessonId === null) continue
      const here = byLesson.get(peer.lessonId)
      if (here) here.push(peer)
      else byLesson.set(peer.lessonId, [peer])
    }
    return byLesson
    // `others` is new on every awareness change; `key` says when what it holds changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
}

/** Whether two lists show the same people the same way, so a row can skip a render when only others moved. */
export const samePeers = (a: readonly Peer[], b: readonly Peer[]): boolean =>
  a === b ||
  (a.length === b.length &&
    a.every((peer, i) => {
      const other = b[i]
      return (
        other !== undefined &&
        peer.clientId === other.clientId &&
        peer.name === other.name &&
        peer.colour === other.colour
      )
    }))
