/**
 * What every document Chorus keeps on this device shares, whichever table holds its rows (a course's content,
 * its review comments): loading the rows into a Y.Doc, then storing each change as it happens, replacing the rows
 * by one at an idle moment once they pile up, writing what is queued when the page goes away and showing any failure.
 */
import * as Y from 'yjs'
import { STORAGE_ORIGIN } from '../../../shared/course/origins'
import { whenIdle } from '../ui/when-idle'
import {
  COMPACTION_IDLE_DEADLINE_MS,
  COMPACTION_MAX_WAIT_THRESHOLDS,
  COMPACTION_QUIET_MS,
  COMPACTION_THRESHOLD,
  OPEN_SETTLE_MS,
  compactKnownRows,
} from './compaction'
import type { ChorusDb, DocKey, UpdateRow, UpdateTable } from './db'
import { onPageLeave, type PageTargets } from './page-lifecycle'
import { unloadBackup, type UnloadBackup } from './unload-backup'
import { createSaveStatus, type SaveStatusSource } from './save-status'
import { chorusFailure, storage, toStorageError } from './storage-error'
import { createUpdateWriter } from './update-writer'

export interface StoredDocOptions {
  /** Events that announce the page going away; defaults to the browser's window and document. */
  readonly page?: PageTargets
  readonly now?: () => number
  readonly compactionThreshold?: number
  /** How long after the open compaction waits before it looks for an idle moment; defaults to OPEN_SETTLE_MS. */
  readonly openSettleMs?: number
  /** Where changes not yet stored are kept when the page goes away; defaults to this browser's localStorage. */
  readonly unloadBackup?: UnloadBackup
}

/** Something saved beside a document's rows, on the same occasions: the course's library entry. */
export interface SavedAlongside {
  /** A change to the document that storage did not load. */
  changed(origin: unknown): void
  flush(): Promise<void>
  stop(): void
}

export interface DocPersistence {
  readonly save: SaveStatusSource
  /** Resolves once every change so far is in IndexedDB; rejects with a ChorusFailure if it cannot be. */
  flush(): Promise<void>
  /** Flushes, then stops saving and destroys the doc. If the flush fails it rejects and saving goes on. */
  close(): Promise<void>
  /** Stops listening without saving anything more: for a document that failed to open. */
  abandon(): void
}

export interface PersistDocInput {
  readonly table: UpdateTable
  /** The course (or team) whose document this is. */
  readonly courseId: DocKey
  readonly doc: Y.Doc
  /** How many rows the document was loaded from. */
  readonly storedRows: number
  readonly options: StoredDocOptions
  readonly alongside?: SavedAlongside
}

export const readUpdateRows = (db: ChorusDb, table: UpdateTable, courseId: DocKey): Promise<UpdateRow[]> =>
  storage(() => db[table].where('courseId').equals(courseId).toArray())

/** The last row key each loaded document was read from: every row of its course up to it is in the document. */
const loadedUpTo = new WeakMap<Y.Doc, number>()

/**
 * The rows applied one by one in one transaction with the storage origin, so they are not stored again. Merging
 * them first (Y.mergeUpdates) costs seconds for a long history of keystroke rows; applying them costs far less.
 */
export function docFromRows(rows: readonly UpdateRow[], damagedMessage: string): Y.Doc {
  const doc = new Y.Doc()
  let last = 0
  try {
    Y.transact(
      doc,
      () => {
        for (const row of rows) {
          Y.applyUpdate(doc, row.update)
          last = Math.max(last, row.seq)
        }
      },
      STORAGE_ORIGIN,
    )
  } catch (thrown) {
    doc.destroy()
    console.error('[storage] storage-failed: stored updates do not decode', thrown)
    throw chorusFailure({ code: 'storage-failed', message: damagedMessage })
  }
  loadedUpTo.set(doc, last)
  return doc
}

/**
 * Stores every change not loaded from storage as a row as it happens, and replaces the rows by one at the next
 * idle moment once there are more than the compaction threshold. Listening starts here, so call it before
 * changing the document.
 */
export function persistDoc(db: ChorusDb, input: PersistDocInput): DocPersistence {
  const { table, courseId, doc, options, alongside } = input
  const now = options.now ?? Date.now
  const threshold = options.compactionThreshold ?? COMPACTION_THRESHOLD
  const status = createSaveStatus({ kind: 'saved', at: now() })
  let rowCount = input.storedRows
  // Keys of the rows this document holds; only these may be deleted by compaction.
  let known = { loadedUpTo: loadedUpTo.get(doc) ?? 0, written: new Set<number>() }
  let compacting: Promise<void> | null = null
  let cancelIdle: (() => void) | null = null
  let stopped = false
  let settling: ReturnType<typeof setTimeout> | null = null
  let pause: ReturnType<typeof setTimeout> | null = null
  let lastWriteAt = Number.NEGATIVE_INFINITY
  let writesWithoutPause = 0

  const stopWaiting = (): void => {
    cancelIdle?.()
    cancelIdle = null
    if (pause !== null) clearTimeout(pause)
    pause = null
  }
  const compact = (): Promise<void> => {
    stopWaiting()
    writesWithoutPause = 0
    compacting ??= compactKnownRows(db, courseId, table, doc, known)
      .then(
        (done) => {
          if (!done) return
          const deleted = new Set(done.deleted)
          const written = new Set([...known.written].filter((seq) => !deleted.has(seq)))
          known = { loadedUpTo: known.loadedUpTo, written: written.add(done.added) }
          rowCount -= done.deleted.length - 1
        },
        (thrown: unknown) => {
          // Nothing is lost (the transaction rolled back); try again after another threshold's worth of rows.
          rowCount = 0
          const code = toStorageError(thrown).code
          console.warn(`[storage] ${code}: compacting ${table} of course ${courseId} failed`, thrown)
        },
      )
      .finally(() => {
        compacting = null
      })
    return compacting
  }
  const compactAtIdleMoment = (): void => {
    if (pause !== null) clearTimeout(pause)
    pause = null
    cancelIdle ??= whenIdle(() => {
      cancelIdle = null
      if (!stopped) void compact()
    }, COMPACTION_IDLE_DEADLINE_MS)
  }
  // Never in the typing path, nor between two keystrokes: when there are too many rows, merging waits for the
  // changes to pause (each write starts the wait again), then for the page to be idle.
  const compactWhenQuiet = (): void => {
    if (stopped || settling !== null || compacting || rowCount <= threshold) return
    if (writesWithoutPause > COMPACTION_MAX_WAIT_THRESHOLDS * threshold) return compactAtIdleMoment()
    stopWaiting()
    const wait = Math.max(0, lastWriteAt + COMPACTION_QUIET_MS - performance.now())
    pause = setTimeout(compactAtIdleMoment, wait)
  }
  const writer = createUpdateWriter(
    async (update) => {
      const seq = await db[table].add({ courseId, update })
      known.written.add(seq)
      rowCount++
      lastWriteAt = performance.now()
      writesWithoutPause++
      compactWhenQuiet()
    },
    status,
    now,
  )
  const flushAlongside = (): Promise<void> => alongside?.flush() ?? Promise.resolve()

  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN) return
    writer.push(update)
    alongside?.changed(origin)
  }
  doc.on('update', onUpdate)
  const backup = options.unloadBackup ?? unloadBackup(table, courseId)
  const detach = [
    () => doc.off('update', onUpdate),
    onPageLeave(() => {
      // Kept synchronously before the writes start: the page may be gone before IndexedDB confirms them.
      backup.keep(writer.unsaved())
      void writer.writeNow()
      void flushAlongside()
    }, options.page),
    // Once everything is stored (also what the last page kept), the kept copies are not needed any more.
    status.subscribe((next) => {
      if (next.kind === 'saved' && !writer.hasUnsaved()) backup.forget()
    }),
    db.connection.beforeClose(async () => {
      await Promise.all([writer.writeNow(), flushAlongside()])
    }),
    db.connection.onProblem((problem) => {
      if (problem) status.set({ kind: 'error', error: problem })
    }),
  ]
  const stopListening = (): void => {
    stopped = true
    stopWaiting()
    if (settling !== null) clearTimeout(settling)
    detach.forEach((stop) => stop())
  }
  // Not while the document opens: an idle moment can come before its view has painted (the view waits on other
  // reads), and compacting a long history then held the first paint back by 0.2 s and more.
  settling = setTimeout(() => {
    settling = null
    compactWhenQuiet()
  }, options.openSettleMs ?? OPEN_SETTLE_MS)
  restoreKept(doc, backup)
  // What was kept had been stored after all: nothing to write, so no save will come to forget it.
  if (!writer.hasUnsaved()) backup.forget()

  const finish = async (): Promise<void> => {
    // Still listening while flushing: a change that lands meanwhile (say, from a peer) is saved too.
    do {
      await writer.flush()
      await flushAlongside()
    } while (writer.hasUnsaved())
    stopListening()
    await compacting
    alongside?.stop()
    doc.destroy()
  }
  let closing: Promise<void> | undefined
  return {
    save: status,
    // Also does a compaction that is due, at once rather than when idle: flushing asks for storage to be settled.
    flush: async () => {
      await writer.flush()
      if (rowCount > threshold) await compact()
      else await compacting
    },
    close() {
      closing ??= finish().catch((thrown: unknown) => {
        closing = undefined
        throw thrown
      })
      return closing
    },
    abandon: stopListening,
  }
}

/**
 * Applies what a page that went away kept because IndexedDB had not confirmed it. As a change storage did not load,
 * it is stored as a row like any other; what was stored after all changes nothing.
 */
function restoreKept(doc: Y.Doc, backup: UnloadBackup): void {
  for (const update of backup.kept()) {
    try {
      Y.applyUpdate(doc, update)
    } catch (thrown) {
      console.warn('[storage] changes kept when the page went away do not decode; skipped', thrown)
    }
  }
}
