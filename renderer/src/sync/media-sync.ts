import type * as Y from 'yjs'
import { mediaReferences } from '../../../shared/course/media-refs'
import { canWrite } from '../../../shared/protocol/rooms'
import { watchCourseMediaHashes } from '../media/media-store'
import type { ChorusDb } from '../storage/db'
import { courseClaimsOf } from './course-claims'
import type { CourseSync } from './course-sync'
import { classifyFailure, type MediaRequest } from './media-failure'
import { localMediaHashes, readLocalMedia, storeVerifiedMedia } from './media-local'
import {
  askMissing,
  describeFailure,
  downloadMedia,
  uploadMedia,
  type MediaEndpoint,
  type TransferFailure,
} from './media-transfer'
import {
  askFailed,
  expectTransfers,
  failed,
  finished,
  idleTransfers,
  progressed,
  type MediaTransferState,
} from './media-transfer-state'
import { createRetryRunner } from './retry-runner'

export interface MediaSyncOptions {
  readonly db: ChorusDb
  /** The course's document: the lesson bodies name the media by hash. */
  readonly doc: Y.Doc
  readonly endpoint: MediaEndpoint
  /** The course's relay connection: media move only while it is synced, and again each time it comes back. */
  readonly connection: Pick<CourseSync, 'getStatus' | 'subscribe'>
  /** Told each time what is left to move changes, so the user knows not to close the laptop yet. */
  readonly onTransfers?: (state: MediaTransferState) => void
}

export interface MediaSync {
  /** Stops every transfer; `onTransfers` hears a last, idle state. */
  stop(): void
}

/** Quiet time after an edit before the lesson bodies are searched for new media. */
const SETTLE_MS = 400
const FIRST_RETRY_MS = 2_000
const MAX_RETRY_MS = 60_000
// Each transfer holds its whole blob in memory (to hash it), so a few at a time, not the whole course.
const PARALLEL = 2
/** A download's progress is passed on in steps this big: the header shows megabytes, not every 64 kB chunk. */
const PROGRESS_STEP = 1_000_000

const LOG = '[media-sync]'

/** Runs `task` over `items`, a few at a time; true when every task reported true. */
const inParallel = async <T>(items: readonly T[], task: (item: T) => Promise<boolean>): Promise<boolean> => {
  let next = 0
  let all = true
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T
      if (!(await task(item))) all = false
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker))
  return all
}

/**
 * Carries a shared course's media blobs between this device and the relay, beside the document rather than in
 * it: uploads the blobs associated with the course (media/media-store.ts) that the relay lacks (authors only) and
 * downloads the blobs its lessons reference that are not associated with it, verifying each against its hash
 * and its type by its bytes. A blob another course stored here is downloaded too rather than borrowed: a lesson
 * naming a hash proves nothing. Runs whenever the connection becomes synced, when lesson bodies start
 * referencing other media, and when a blob is stored locally; what fails is retried with back-off while the
 * course stays open. Local blobs are never changed or removed here.
 */
export function startMediaSync({ db, doc, endpoint, connection, onTransfers }: MediaSyncOptions): MediaSync {
  const { courseId } = endpoint
  const claims = courseClaimsOf(endpoint.token, courseId)
  // An unreadable token may still be an author's: the relay decides, and a 403 turns uploads off.
  let mayUpload = claims === null || canWrite(claims.role, 'content')
  /** Hashes the relay is known to hold since the connection last came up. */
  const onRelay = new Set<string>()
  /** Uploads the relay refused for what they are (bad bytes, too large): retrying cannot help. */
  const refused = new Set<string>()
  /** Downloads whose bytes were not an allowed media type: the relay would only send the same again. */
  const discarded = new Set<string>()
  const controller = new AbortController()
  let stopped = false
  let settleTimer: ReturnType<typeof setTimeout> | null = null
  let lastRefs = ''
  let transfers = idleTransfers

  const record = (next: MediaTransferState): void => {
    if (next === transfers || stopped) return
    transfers = next
    onTransfers?.(next)
  }

  const synced = (): boolean => connection.getStatus().kind === 'synced'
  const refsKey = (refs: ReadonlyMap<string, string>): string => [...refs.keys()].sort().join()

  /** Judges a failed request and records it for the user; true when it is not retried. */
  const settleFailure = (what: MediaRequest, hash: string, failure: TransferFailure): boolean => {
    const verdict = classifyFailure(what, failure)
    if (verdict.log === 'unreachable')
      console.warn(`${LOG} relay unreachable (${what}); will retry`, {
        courseId,
        hash,
        reason: failure.reason,
      })
    else if (verdict.log === 'refused' && failure.kind === 'refused')
      console.warn(`${LOG} relay refused ${what} (${failure.status})`, {
        courseId,
        hash,
        reason: failure.reason,
      })
    if (verdict.stopUploads) mayUpload = false
    if (verdict.refuseBlob) refused.add(hash)
    const given = !verdict.retry
    const problem = { reason: describeFailure(what, failure), retrying: verdict.retry }
    if (what === 'ask') record(askFailed(transfers, problem))
    else record(failed(transfers, what === 'upload' ? 'up' : 'down', hash, problem))
    return given
  }

  const push = async (local: ReadonlySet<string>): Promise<boolean> => {
    const candidates = [...local].filter((hash) => !onRelay.has(hash) && !refused.has(hash))
    if (candidates.length === 0) {
      record(expectTransfers(transfers, 'up', []))
      return true
    }
    const asked = await askMissing(endpoint, candidates, controller.signal)
    if (asked.kind !== 'done') return settleFailure('ask', '', asked)
    const lacking = new Set(asked.value)
    record(expectTransfers(askFailed(transfers, null), 'up', lacking))
    for (const hash of candidates) if (!lacking.has(hash)) onRelay.add(hash)
    return inParallel([...lacking], async (hash) => {
      const row = mayUpload && !stopped ? await readLocalMedia(db, hash) : undefined
      if (row === undefined) {
        record(finished(transfers, 'up', hash))
        return true
      }
      const size = row.bytes instanceof Blob ? row.bytes.size : row.bytes.byteLength
      record(progressed(transfers, 'up', hash, 0, size))
      const sent = await uploadMedia(endpoint, hash, row.mime, row.bytes, controller.signal)
      if (sent.kind !== 'done') return settleFailure('upload', hash, sent)
      onRelay.add(hash)
      record(finished(transfers, 'up', hash))
      return true
    })
  }

  const pull = (refs: ReadonlyMap<string, string>, local: ReadonlySet<string>): Promise<boolean> => {
    const lacking = [...refs].filter(([hash]) => !local.has(hash) && !discarded.has(hash))
    const hashes = lacking.map(([hash]) => hash)
    record(expectTransfers(transfers, 'down', hashes))
    return inParallel(lacking, async ([hash]) => {
      if (stopped) return true
      let shown = -PROGRESS_STEP
      const got = await downloadMedia(endpoint, hash, controller.signal, (moved, size) => {
        if (moved - shown < PROGRESS_STEP && moved !== size) return
        shown = moved
        record(progressed(transfers, 'down', hash, moved, size))
      })
      if (got.kind !== 'done') return settleFailure('download', hash, got)
      const outcome = await storeVerifiedMedia(db, courseId, hash, got.value.bytes)
      if (outcome === 'not-media') {
        console.error(`${LOG} downloaded bytes are not an allowed media type; discarded`, { courseId, hash })
        discarded.add(hash)
        const problem = { reason: 'it is not an image, video or audio file Chorus accepts', retrying: false }
        record(failed(transfers, 'down', hash, problem))
        return true
      }
      if (outcome === 'corrupt') {
        console.error(`${LOG} downloaded bytes do not match their hash; discarded`, { courseId, hash })
        const problem = { reason: 'what arrived did not match the file, so it was discarded', retrying: true }
        record(failed(transfers, 'down', hash, problem))
        return false
      }
      onRelay.add(hash)
      record(finished(transfers, 'down', hash))
      return true
    })
  }

  /** One round of both directions; true when nothing is left to retry. */
  const pass = async (): Promise<boolean> => {
    const refs = mediaReferences(doc)
    lastRefs = refsKey(refs)
    const local = await localMediaHashes(db, courseId)
    const pushed = mayUpload ? await push(local) : true
    const pulled = await pull(refs, local)
    return pushed && pulled
  }

  const runner = createRetryRunner({
    round: pass,
    canRun: () => !stopped && synced(),
    firstRetryMs: FIRST_RETRY_MS,
    maxRetryMs: MAX_RETRY_MS,
    // Local storage failed; what is stored stays stored, and the next round tries again.
    onError: (error) => console.warn(`${LOG} media sync round failed; will retry`, { courseId, error }),
  })
  const run = (): void => runner.run()

  /** After a burst of changes: `force` for a new local blob, else only if the bodies now reference other media. */
  const settle = (force: boolean): void => {
    if (stopped) return
    if (settleTimer !== null) clearTimeout(settleTimer)
    settleTimer = setTimeout(() => {
      settleTimer = null
      if (force || refsKey(mediaReferences(doc)) !== lastRefs) run()
    }, SETTLE_MS)
  }

  let wasSynced = synced()
  const unsubscribe = connection.subscribe((status) => {
    const now = status.kind === 'synced'
    if (now && !wasSynced) {
      // The relay may have been restored from a backup meanwhile: ask it again rather than trust memory.
      onRelay.clear()
      runner.resetBackoff()
      run()
    }
    wasSynced = now
  })
  const onUpdate = (): void => settle(false)
  doc.on('update', onUpdate)
  let ownedKeys = ''
  const stopWatching = watchCourseMediaHashes(
    db,
    courseId,
    (hashes) => {
      const key = [...hashes].sort().join()
      if (key !== ownedKeys) settle(true)
      ownedKeys = key
    },
    (error) => console.warn(`${LOG} cannot watch local media`, { courseId, error }),
  )
  run()

  return {
    stop() {
      // Nothing moves any more: the user is not told of transfers that stopped with the course.
      onTransfers?.(idleTransfers)
      stopped = true
      controller.abort()
      runner.stop()
      if (settleTimer !== null) clearTimeout(settleTimer)
      unsubscribe()
      doc.off('update', onUpdate)
      stopWatching()
    },
  }
}
