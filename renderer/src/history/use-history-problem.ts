import { useSyncExternalStore } from 'react'
import type { SaveStatus } from '../storage/save-status'
import type { OpenStoreState } from '../storage/use-open-store'
import type { HistoryStore } from './history-store'

const SAVED: SaveStatus = { kind: 'saved', at: 0 }
const noSubscription = (): (() => void) => () => undefined

/** What the user is told when the versions could not be opened, or the last save of them failed; null while all is well. */
export function useHistoryStoreProblem(state: OpenStoreState<HistoryStore>): string | null {
  const save = state.status === 'open' ? state.store.save : null
  const status = useSyncExternalStore(save?.subscribe ?? noSubscription, save?.get ?? (() => SAVED))
  if (state.status === 'failed') return state.error.message
  return status.kind === 'error'
    ? `Versions could not be saved on this device: ${status.error.message}`
    : null
}
