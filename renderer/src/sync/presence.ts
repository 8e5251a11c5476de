import { createContext, useContext, useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import type { LessonId } from '../../../shared/course/types'
import {
  LESSON_FIELD,
  parsePresenceState,
  parsePresenceUser,
  USER_FIELD,
} from '../../../shared/protocol/presence'
import { assignColours } from './presence-colours'
import { PRESENCE_COLOURS } from './sync-user'

/** One person in the course right now, as their awareness state says. */
export interface Peer {
  readonly clientId: number
  /** Who this is, the same for each of their windows and devices: their user id (the client id in open mode). */
  readonly person: string
  readonly name: string
  /** The colour everyone sees this person in: their own choice unless someone online has it already. */
  readonly colour: string
  readonly lessonId: LessonId | null
  readonly self: boolean
}

/** The open course's relay provider; null when the course is not shared, so nothing shows presence. */
export const PresenceContext = createContext<WebsocketProvider | null>(null)

export const usePresenceProvider = (): WebsocketProvider | null => useContext(PresenceContext)

/**
 * Whom a colour belongs to: the user id the relay sets from each token, the same on every device. A relay in
 * open mode sets none, and then the client id, which every device also sees alike.
 */
const colourKey = (clientId: number, id: string | undefined): string => id ?? `client:${clientId}`

interface OnlineColours {
  readonly byClientId: ReadonlyMap<number, string>
  readonly byKey: ReadonlyMap<string, string>
}

/** The colour of everyone online, distinct per person (see presence-colours.ts). */
const onlineColours = (awareness: Awareness): OnlineColours => {
  const people = [...awareness.getStates()].flatMap(([clientId, state]) => {
    const user = parsePresenceUser((state as Record<string, unknown>)[USER_FIELD])
    return user === null ? [] : [{ clientId, key: colourKey(clientId, user.id), chosen: user.colour }]
  })
  const byKey = assignColours(people, PRESENCE_COLOURS)
  const byClientId = new Map(people.map(({ clientId, key, chosen }) => [clientId, byKey.get(key) ?? chosen]))
  return { byClientId, byKey }
}

/** The colour to draw a caret's `user` in, as everyone sees it; for the editor's caret renderer. */
export const caretColour = (awareness: Awareness, user: Record<string, unknown>): string => {
  const parsed = parsePresenceUser(user)
  if (parsed === null) return 'transparent'
  if (parsed.id === undefined) return parsed.colour
  return onlineColours(awareness).byKey.get(parsed.id) ?? parsed.colour
}

/** Everyone whose presence this awareness holds, one entry per connection (window), this one first. */
export const peersOf = (awareness: Awareness): readonly Peer[] => {
  const colours = onlineColours(awareness).byClientId
  return [...awareness.getStates()]
    .flatMap(([clientId, state]): Peer[] => {
      const { user, lessonId } = parsePresenceState(state)
      if (user === null) return []
      const self = clientId === awareness.clientID
      const colour = colours.get(clientId) ?? user.colour
      const person = colourKey(clientId, user.id)
      return [{ clientId, person, name: user.name, colour, lessonId: lessonId as LessonId | null, self }]
    })
    .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
}

/**
 * One entry per person, for "People online": someone with the course open in two windows (or on two devices) is
 * one person there. The first of their entries stays, so this window's own comes before the user's other ones.
 */
export const onePerPerson = (peers: readonly Peer[]): readonly Peer[] => {
  const seen = new Set<string>()
  return peers.filter((peer) => !seen.has(peer.person) && (seen.add(peer.person), true))
}

/** Everyone in the course (this user first), kept current as awareness changes. */
export function usePeers(): readonly Peer[] {
  const provider = usePresenceProvider()
  const [peers, setPeers] = useState<readonly Peer[]>([])
  useEffect(() => {
    if (!provider) {
      setPeers([])
      return
    }
    const update = (): void => setPeers(peersOf(provider.awareness))
    update()
    provider.awareness.on('change', update)
    return () => provider.awareness.off('change', update)
  }, [provider])
  return peers
}

/** Tells co-authors which lesson this user has open. */
export function useShareOpenLesson(provider: WebsocketProvider | null, lessonId: LessonId | null): void {
  useEffect(() => {
    provider?.awareness.setLocalStateField(LESSON_FIELD, lessonId)
  }, [provider, lessonId])
}
