import { DEFAULT_DATA_DIR, envName } from '../config'

/** `--data`, else CHORUS_RELAY_DATA, else the relay's default: the directory the relay itself would use. */
export const dataDirFrom = (flag: string | undefined, env: NodeJS.ProcessEnv): string =>
  flag ?? (env[envName('data')] || DEFAULT_DATA_DIR)
