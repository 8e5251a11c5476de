import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { REMOTE_ORIGIN, STORAGE_ORIGIN } from '../../../shared/course/origins'
import { encodeSyncStep1 } from '../../../shared/protocol/codec'
import { MessageType, SyncStep } from '../../../shared/protocol/messages'
import {
  NOTHING_KNOWN,
  backlog,
  changeOf,
  indexDeletes,
  isAcknowledged,
  outstanding,
  type ClockRange,
  type PendingChange,
  type RelayKnowledge,
} from './unacked-changes'

/** Counts this device's changes that the relay is not known to hold. */
export interface UnackedTracker {
  count(): number
  /** Calls the listener whenever the count changes; returns unsubscribe. */
  subscribe(listener: (count: number) => void): () => void
  destroy(): void
}

// Long enough that typing asks the relay once per pause, short enough that the header settles quickly.
const PROBE_DELAY_MS = 400
const OPEN = 1

type DeleteSetLike = { readonly clients: Map<number, readonly { clock: number; len: number }[]> }

const rangesOf = (ds: DeleteSetLike): ClockRange[] =>
  [...ds.clients].flatMap(([client, items]) => items.map(({ clock, len }) => ({ client, clock, len })))

const deletesOf = (doc: Y.Doc): ClockRange[] =>
  rangesOf(Y.decodeUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))).ds)

const missingFrom = (doc: Y.Doc, relayVector: Uint8Array): ClockRange[] =>
  Y.decodeUpdate(Y.encodeStateAsUpdate(doc, relayVector)).structs.map((struct) => ({
    client: struct.id.client,
    clock: struct.id.clock,
    len: struct.length,
  }))

/**
 * Watches local transactions and the relay's answers. After local changes settle while connected, and after each
 * (re)connection, it sends a sync step 1 so that the relay answers with what it holds.
 */
export function trackUnacknowledged(provider: WebsocketProvider, doc: Y.Doc): UnackedTracker {
  const startVector = Y.decodeStateVector(Y.encodeStateVector(doc))
  const startDeletes = deletesOf(doc)
  let relay: RelayKnowledge = NOTHING_KNOWN
  let relayVector: Uint8Array | null = null
  let backlogCounted = false
  let pending: PendingChange[] = []
  let probeTimer: ReturnType<typeof setTimeout> | null = null
  const listeners = new Set<(count: number) => void>()

  const emitIfChanged = (before: number): void => {
    if (pending.length !== before) listeners.forEach((listener) => listener(pending.length))
  }

  const probe = (): void => {
    probeTimer = null
    const ws = provider.ws
    if (!provider.wsconnected || ws === null || ws.readyState !== OPEN) return
    ws.send(encodeSyncStep1(Y.encodeStateVector(doc)))
  }
  const scheduleProbe = (): void => {
    if (probeTimer !== null) clearTimeout(probeTimer)
    probeTimer = setTimeout(probe, PROBE_DELAY_MS)
  }

  const learn = (step: number, payload: Uint8Array): void => {
    if (step === SyncStep.Step1) {
      relayVector = payload
      relay = { ...relay, stateVector: Y.decodeStateVector(payload) }
    } else if (step === SyncStep.Step2) {
      relay = { ...relay, deleted: indexDeletes(rangesOf(Y.decodeUpdate(payload).ds)) }
    } else return
    const before = pending.length
    if (!backlogCounted && relayVector !== null && relay.deleted !== null) {
      // Once per session: what this device had before it opened the course and the relay still lacks.
      backlogCounted = true
      pending = [...backlog(startVector, missingFrom(doc, relayVector), startDeletes, relay), ...pending]
    }
    pending = [...outstanding(pending, relay)]
    emitIfChanged(before)
  }

  const handleSync = provider.messageHandlers[MessageType.Sync]
  provider.messageHandlers[MessageType.Sync] = (encoder, decoder, from, emitSynced, type) => {
    try {
      const peek = decoding.clone(decoder)
      learn(decoding.readVarUint(peek), decoding.readVarUint8Array(peek))
    } catch (cause) {
      // Counting must never stop syncing: a frame we cannot read is left to the provider.
      console.warn('[sync] could not read a relay sync frame for the change count', cause)
    }
    handleSync?.(encoder, decoder, from, emitSynced, type)
  }

  const onTransaction = (transaction: Y.Transaction): void => {
    const origin: unknown = transaction.origin
    if (origin === REMOTE_ORIGIN || origin === STORAGE_ORIGIN || origin === provider) return
    const client = doc.clientID
    const change = changeOf(
      client,
      transaction.beforeState.get(client) ?? 0,
      transaction.afterState.get(client) ?? 0,
      rangesOf(transaction.deleteSet),
    )
    if (change === null || isAcknowledged(change, relay)) return
    pending.push(change)
    emitIfChanged(pending.length - 1)
    if (provider.wsconnected) scheduleProbe()
  }
  // Reconnected and caught up: our reply to the relay's step 1 carried what it lacked, so ask what it holds now.
  const onSync = (synced: boolean): void => {
    if (synced) probe()
  }
  doc.on('afterTransaction', onTransaction)
  provider.on('sync', onSync)

  return {
    count: () => pending.length,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      listeners.clear()
      if (probeTimer !== null) clearTimeout(probeTimer)
      doc.off('afterTransaction', onTransaction)
      provider.off('sync', onSync)
      if (handleSync) provider.messageHandlers[MessageType.Sync] = handleSync
    },
  }
}
