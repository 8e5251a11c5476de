import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Replaced by the version in relay-server/package.json when build/relay-bundle.mjs bundles the relay. */
declare const CHORUS_RELAY_VERSION: string | undefined

/** The relay's version, as /healthz reports it. From sources (tsx), read from relay-server/package.json. */
export const relayVersion = (): string =>
  typeof CHORUS_RELAY_VERSION === 'string'
    ? CHORUS_RELAY_VERSION
    : (
        JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
          version: string
        }
      ).version
