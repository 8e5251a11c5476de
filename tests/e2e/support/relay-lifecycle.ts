/** The real relay process of a spec file: restarting it in place, and clearing everything up after the file. */
import { destroyClients, killRelays, startRelay, type RelayProcess } from '../../integration/relay-harness'

/** A new relay process on the dead one's port and data directory, as an operator's restart would bring it back. */
export const restartRelay = (relay: RelayProcess): Promise<RelayProcess> =>
  startRelay({ dataDir: relay.dataDir, port: relay.port })

/** For `test.afterAll`: closes every y-websocket client the file opened and kills every relay it started. */
export async function stopRelaysAndClients(): Promise<void> {
  destroyClients()
  await killRelays()
}
