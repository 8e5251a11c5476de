import type { RelayConfig } from '../config'
import { openMediaStore, type MediaStore } from '../media/media-store'
import { openPostgres, type Postgres } from '../postgres/connect'
import { openPostgresMediaStore } from '../postgres/media-store'
import { openPostgresRoomStore } from '../postgres/room-store'
import { openPostgresTokenRegistry } from '../postgres/token-registry'
import { openSqliteTokenRegistry, type TokenRegistry } from '../tokens/registry'
import { openSqliteStore } from './sqlite'
import type { RoomStore, SharedRoomStore } from './store'

/** Which engine holds the relay's data, as /healthz reports it. */
export type StoreKind = 'sqlite' | 'postgres'

export interface RelayStores {
  readonly kind: StoreKind
  readonly rooms: RoomStore
  /** The rooms' store when other relays share it (PostgreSQL); null for the relay's own SQLite file. */
  readonly shared: SharedRoomStore | null
  readonly media: MediaStore
  /** Minted tokens and revocations; the relay reads revocations from it (tokens/revocation-watch.ts). */
  readonly tokens: TokenRegistry
  /** Closes them all; the rooms' store first, since it finishes background work. */
  close(): Promise<void>
}

export interface StoreHooks {
  readonly onBackgroundError: (message: string) => void
}

const openSqliteStores = (dataDir: string, hooks: StoreHooks): RelayStores => {
  const rooms = openSqliteStore(dataDir, { onBackgroundError: hooks.onBackgroundError })
  let media: MediaStore | null = null
  try {
    media = openMediaStore(dataDir)
    // The relay only reads the registry, and never waits on the command line's writes (see tokens/registry.ts).
    const tokens = openSqliteTokenRegistry(dataDir, { busyTimeoutMs: 0 })
    const opened = media
    return {
      kind: 'sqlite',
      rooms,
      shared: null,
      media: opened,
      tokens,
      close: async () => {
        await rooms.close()
        opened.close()
        tokens.close()
      },
    }
  } catch (error) {
    media?.close()
    void rooms.close()
    throw error
  }
}

/** Rooms, media and tokens in one database, through one pool. */
const openPostgresStores = async (url: string, hooks: StoreHooks): Promise<RelayStores> => {
  const pool: Postgres = await openPostgres(url, hooks.onBackgroundError)
  try {
    const rooms = await openPostgresRoomStore(pool)
    const media = await openPostgresMediaStore(pool)
    const tokens = await openPostgresTokenRegistry(pool)
    return {
      kind: 'postgres',
      rooms,
      shared: rooms,
      media,
      tokens,
      close: async () => {
        await rooms.close()
        media.close()
        tokens.close()
        await pool.end()
      },
    }
  } catch (error) {
    await pool.end().catch(() => {})
    throw error
  }
}

/** The one place that chooses the engine; rejects if the stores cannot be opened. */
export const openStores = (
  config: Pick<RelayConfig, 'dataDir' | 'postgresUrl'>,
  hooks: StoreHooks,
): Promise<RelayStores> =>
  config.postgresUrl === null
    ? Promise.resolve().then(() => openSqliteStores(config.dataDir, hooks))
    : openPostgresStores(config.postgresUrl, hooks)
