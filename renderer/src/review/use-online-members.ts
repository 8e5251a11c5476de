import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { Person } from '../../../shared/review/types'
import { MEMBER_FIELD, memberOf } from './members'

const NOBODY: readonly Person[] = []

/**
 * Tells the people in the course who this user is (id and name, so they can mention them) and returns who else
 * is online as members, kept current as awareness changes. Nobody when the course is not shared.
 */
export function useOnlineMembers(provider: WebsocketProvider | null, me: Person | null): readonly Person[] {
  const [online, setOnline] = useState<readonly Person[]>(NOBODY)
  const id = me?.id
  const name = me?.name
  useEffect(() => {
    if (provider === null || id === undefined || name === undefined) return
    provider.awareness.setLocalStateField(MEMBER_FIELD, { id, name })
  }, [provider, id, name])
  useEffect(() => {
    if (provider === null) {
      setOnline(NOBODY)
      return
    }
    const update = (): void =>
      setOnline(
        [...provider.awareness.getStates()]
          .filter(([clientId]) => clientId !== provider.awareness.clientID)
          .map(([, state]) => memberOf(state))
          .filter((member): member is Person => member !== null),
      )
    update()
    provider.awareness.on('change', update)
    return () => provider.awareness.off('change', update)
  }, [provider])
  return online
}
