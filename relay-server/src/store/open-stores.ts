import type { RelayConfig } from '../config'
import { openMediaStore, type MediaStore } from '../media/media-store'
import { openSqliteStore } from './sqlite'
import type { RoomStore } from './store'

/**
 * Which engine holds the relay's data, as /healthz reports it. The one place that chooses it: a PostgreSQL store
 * becomes another kind here (`'postgres'`, chosen by `--postgres URL`), implementing RoomStore and MediaStore, and
 * a CourseReader (store/course-reader.ts) for server-side export.
 */
export type StoreKind = 'sqlite'

export interface RelayStores {
  readonly kind: StoreKind
  readonly rooms: RoomStore
  readonly media: MediaStore
  /** Closes both; the rooms' store first, since it finishes background work. */
  close(): Promise<void>
}

export interface StoreHooks {
  readonly onBackgroundError: (message: string) => void
}

/** Opens the relay's stores at once; throws if they cannot be opened. */
export const openStores = (config: Pick<RelayConfig, 'dataDir'>, hooks: StoreHooks): RelayStores => {
  const rooms = openSqliteStore(config.dataDir, { onBackgroundError: hooks.onBackgroundError })
  let media: MediaStore
  try {
    media = openMediaStore(config.dataDir)
  } catch (error) {
    void rooms.close()
    throw error
  }
  return {
    kind: 'sqlite',
    rooms,
    media,
    close: async () => {
      await rooms.close()
      media.close()
    },
  }
}
