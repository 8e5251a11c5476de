import type { RelayConfig } from '../config'
import { openMediaStore, type MediaStore } from '../media/media-store'
import { openPostgres, type Postgres } from '../postgres/connect'
import { openPostgresCourseTeamRegistry } from '../postgres/course-team-registry'
import { openPostgresMediaStore } from '../postgres/media-store'
import { openPostgresRoomStore } from '../postgres/room-store'
import { openPostgresTokenRegistry } from '../postgres/token-registry'
import { openSqliteCourseTeamRegistry, type CourseTeamRegistry } from '../teams/course-team-registry'
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
  /** Which team each team course belongs to (teams/course-team-registry.ts). */
  readonly courseTeams: CourseTeamRegistry
  /** Closes them all; the rooms' store first, since it finishes background work. */
  close(): Promise<void>
}

export interface StoreHooks {
  readonly onBackgroundError: (message: string) => void
}

const openSqliteStores = (dataDir: string, hooks: StoreHooks): RelayStores => {
  const rooms = openSqliteStore(dataDir, { onBackgroundError: hooks.onBackgroundError })
  let media: MediaStore | null = null
  let tokens: TokenRegistry | null = null
  try {
    media = openMediaStore(dataDir)
    // The relay only reads the registry, and never waits on the command line's writes (see tokens/registry.ts).
    tokens = openSqliteTokenRegistry(dataDir, { busyTimeoutMs: 0 })
    const courseTeams = openSqliteCourseTeamRegistry(dataDir)
    const opened = { media, tokens }
    return {
      kind: 'sqlite',
      rooms,
      shared: null,
      media: opened.media,
      tokens: opened.tokens,
      courseTeams,
      close: async () => {
        await rooms.close()
        opened.media.close()
        opened.tokens.close()
        courseTeams.close()
      },
    }
  } catch (error) {
    tokens?.close()
    media?.close()
    void rooms.close()
    throw error
  }
}

/** Rooms, media, tokens and course teams in one database, through one pool. */
const openPostgresStores = async (url: string, hooks: StoreHooks): Promise<RelayStores> => {
  const pool: Postgres = await openPostgres(url, hooks.onBackgroundError)
  try {
    const rooms = await openPostgresRoomStore(pool)
    const media = await openPostgresMediaStore(pool)
    const tokens = await openPostgresTokenRegistry(pool)
    const courseTeams = await openPostgresCourseTeamRegistry(pool)
    return {
      kind: 'postgres',
      rooms,
      shared: rooms,
      media,
      tokens,
      courseTeams,
      close: async () => {
        await rooms.close()
        media.close()
        tokens.close()
        courseTeams.close()
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
