import { openPostgresTokenRegistry } from '../postgres/token-registry'
import { openSqliteTokenRegistry, type RegistryOptions, type TokenRegistry } from '../tokens/registry'
import { withPostgres, type StoreLocation } from './store-location'

/** Opens the token registry at `location` for one use and closes it again, even when `use` throws. */
export const withRegistryAt = async <T>(
  location: StoreLocation,
  options: Pick<RegistryOptions, 'mustExist'>,
  use: (registry: TokenRegistry) => Promise<T>,
): Promise<T> => {
  if (location.kind === 'postgres')
    // No mustExist here: a mistyped URL fails to connect, and the tables of a right one may simply be new.
    return withPostgres(location.url, async (pool) => use(await openPostgresTokenRegistry(pool)))
  const registry = openSqliteTokenRegistry(location.dataDir, options)
  try {
    return await use(registry)
  } finally {
    registry.close()
  }
}
