import { resolve } from 'node:path'
import { readConfig, SERVE_USAGE } from './config'
import { createLogger } from './log'
import { createRelay } from './relay'

const OPEN_WARNING = `
!!! CHORUS RELAY IN --open MODE: NO TOKENS ARE CHECKED. !!!
!!! Anyone who can reach this port can read and change every course stored here. !!!
!!! Use it only for local experiments, never on a network you do not control.     !!!
`

/** `npm run relay -- …`: starts the relay and runs until SIGTERM/SIGINT. Resolves to an exit code on a start failure. */
export const serve = async (argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number | null> => {
  if (argv.includes('--help')) {
    console.log(SERVE_USAGE)
    return 0
  }
  const config = readConfig(argv, env)
  if (!config.ok) {
    console.error(`chorus relay: ${config.error}`)
    return 2
  }
  const log = createLogger(config.value.logLevel)
  if (config.value.auth.mode === 'open') {
    console.error(OPEN_WARNING)
    log.warn(
      { event: 'open-mode' },
      'open mode: tokens are NOT checked; every client is an author of every course',
    )
  }
  let relay
  let url
  try {
    relay = await createRelay(config.value, log)
    url = await relay.listen()
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    log.fatal({ event: 'start-failed', err: why }, 'relay failed to start')
    console.error(`chorus relay: failed to start: ${why}`)
    return 1
  }
  const dataDir = resolve(config.value.dataDir)
  log.info(
    { event: 'listening', url, dataDir, auth: config.value.auth.mode, limits: config.value.limits },
    `Chorus relay listening on ${url}`,
  )

  const stop = (signal: string): void => {
    log.info({ event: 'stopping', signal }, 'stopping')
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.fatal({ event: 'stop-failed', err: String(error) }, 'relay failed to close cleanly')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  return null
}
