import type { ChorusDb } from '../../storage/db'
import { unreadCount } from './for-me-entries'
import { useForMe } from './use-for-me'

/** How many For me items are unread, for the library's "For me" button; 0 while they are being read. */
export function useForMeUnread(db: ChorusDb): number {
  return unreadCount(useForMe(db).entries)
}
