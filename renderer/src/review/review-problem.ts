import { createContext, useContext, useSyncExternalStore } from 'react'
import type { ChorusError } from '../../../shared/errors'
import type { SaveStatus } from '../storage/save-status'
import type { OpenStoreState } from '../storage/use-open-store'
import type { ReviewStore } from './review-store'

/** Why the course's comments cannot be shown or saved right now; null while all is well. */
export const ReviewProblemContext = createContext<ChorusError | null>(null)

export const useReviewProblem = (): ChorusError | null => useContext(ReviewProblemContext)

const SAVED: SaveStatus = { kind: 'saved', at: 0 }
const noSubscription = (): (() => void) => () => undefined

/** A failed open, or the last save failing (until a later save succeeds). */
export function useReviewStoreProblem(state: OpenStoreState<ReviewStore>): ChorusError | null {
  const save = state.status === 'open' ? state.store.save : null
  const status = useSyncExternalStore(save?.subscribe ?? noSubscription, save?.get ?? (() => SAVED))
  if (state.status === 'failed') return state.error
  return status.kind === 'error' ? status.error : null
}
