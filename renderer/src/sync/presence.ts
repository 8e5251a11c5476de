import { createContext, useContext, useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { LessonId } from '../../../shared/course/types'
import type { SyncUser } from './course-sync'

/** One person in the course right now, as their awareness state says. */
export interface Peer {
  readonly clientId: number
  readonly name: string
  readonly colour: string
  readonly lessonId: LessonId | null
  readonly self: boolean
}

/** The open course's relay provider; null when the course is not shared, so nothing shows presence. */
export const PresenceContext = createContext<WebsocketProvider | null>(null)

export const usePresenceProvider = (): WebsocketProvider | null => useContext(PresenceContext)

// Awareness states come from other clients: read them as unknown and keep only well-formed fields.
const peerOf = (clientId: number, state: Record<string, unknown>, self: boolean): Peer | null => {
  const user = state.user as Partial<SyncUser> | undefined
  if (typeof user?.name !== 'string' || typeof user.colour !== 'string') return null
  const lessonId = typeof state.lessonId === 'string' ? (state.lessonId as LessonId) : null
  return { clientId, name: user.name, colour: user.colour, lessonId, self }
}

const peersOf = (provider: WebsocketProvider): readonly Peer[] =>
  [...provider.awareness.getStates()]
    .map(([clientId, state]) => peerOf(clientId, state, clientId === provider.awareness.clientID))
    .filter((peer): peer is Peer => peer !== null)
    .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))

/** Everyone in the course (this user first), kept current as awareness changes. */
export function usePeers(): readonly Peer[] {
  const provider = usePresenceProvider()
  const [peers, setPeers] = useState<readonly Peer[]>([])
  useEffect(() => {
    if (!provider) {
      setPeers([])
      return
    }
    const update = (): void => setPeers(peersOf(provider))
    update()
    provider.awareness.on('change', update)
    return () => provider.awareness.off('change', update)
  }, [provider])
  return peers
}

/** Tells co-authors which lesson this user has open. */
export function useShareOpenLesson(provider: WebsocketProvider | null, lessonId: LessonId | null): void {
  useEffect(() => {
    provider?.awareness.setLocalStateField('lessonId', lessonId)
  }, [provider, lessonId])
}
