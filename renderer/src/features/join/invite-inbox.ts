import type { ChorusError } from '../../../../shared/errors'
import { parseJoinLink, type Invite, type TeamInvite } from '../../../../shared/protocol/invite'

/** An opened invite link waiting for the user: a course or team invite to confirm, or one that cannot be read. */
export type InboxItem = { readonly id: number } & (
  | { readonly kind: 'invite'; readonly invite: Invite }
  | { readonly kind: 'team-invite'; readonly invite: TeamInvite }
  | { readonly kind: 'unreadable'; readonly error: ChorusError }
)

/**
 * Invite links opened from anywhere (the web address, the desktop's chorus:// links, a pasted link), asked about
 * one at a time, oldest first. A link that arrives while the user is answering waits its turn: it never replaces
 * the confirmation on screen, so a page cannot swap in another relay under the user's pointer.
 */
export interface InviteInbox {
  offer(link: string): void
  /** The item the user is being asked about; the same object until it is settled. */
  current(): InboxItem | null
  /** The user answered the current item: move on to the next. */
  settle(): void
  subscribe(listener: () => void): () => void
}

// Enough for a person opening links; a page opening more only queues confirmations.
const MAX_WAITING = 5

const itemFor = (id: number, link: string): InboxItem => {
  const parsed = parseJoinLink(link)
  if (!parsed.ok) return { id, kind: 'unreadable', error: parsed.error }
  return parsed.value.kind === 'course'
    ? { id, kind: 'invite', invite: parsed.value.invite }
    : { id, kind: 'team-invite', invite: parsed.value.invite }
}

export const createInviteInbox = (): InviteInbox => {
  const items: InboxItem[] = []
  let offered = 0
  const listeners = new Set<() => void>()
  const changed = (): void => listeners.forEach((listener) => listener())
  return {
    offer: (link) => {
      if (items.length >= MAX_WAITING) return
      items.push(itemFor(++offered, link))
      changed()
    },
    current: () => items[0] ?? null,
    settle: () => {
      if (items.shift() !== undefined) changed()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
