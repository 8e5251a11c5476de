import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

const CHECKPOINT_INTERVAL_MS = 1000
/**
 * A WAL only starts over when a write finds it fully checkpointed, which a steady stream of writes can
 * prevent for as long as it lasts. Past this many frames (~32 MB) the relay restarts it itself.
 */
const RESTART_FRAMES = 8192
/** SQLite's default, used only if the background checkpointer dies, so the WAL cannot grow without bound. */
const FALLBACK_AUTOCHECKPOINT_PAGES = 1000

/**
 * The worker's code, as plain JavaScript so it runs however the relay is launched (tsx, a bundle, vitest).
 * Its own connection moves the WAL into the database file with PASSIVE checkpoints, which never block writers.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { timeout: 0 })
db.pragma('cache_size = -256')
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    if (result && result.log > workerData.restartFrames) parentPort.postMessage({ walFrames: result.log })
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY') parentPort.postMessage({ error: String(error) })
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.close()
})
`

type WorkerMessage = { readonly error: string } | { readonly walFrames: number }

/**
 * Checkpoints in a worker thread. A checkpoint fsyncs; on this project's test machine that took 13–17 ms,
 * which on the relay's thread would stall every room every few hundred updates. If the worker fails, the
 * relay's own connection takes the job back. Returns a function that stops the worker after a last checkpoint.
 */
export const startCheckpointer = (
  db: Database.Database,
  file: string,
  onError: (message: string) => void,
): (() => Promise<void>) => {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { driver, file, intervalMs: CHECKPOINT_INTERVAL_MS, restartFrames: RESTART_FRAMES },
  })
  worker.on('message', (message: WorkerMessage) => {
    if ('error' in message) return onError(message.error)
    // Rare (sustained writes only): one stall of a checkpoint's length, after which the WAL starts over.
    try {
      if (db.open) db.pragma('wal_checkpoint(RESTART)')
    } catch (error) {
      // Busy with the worker's own checkpoint: the next report tries again.
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') onError(String(error))
    }
  })
  worker.on('error', (error) => {
    onError(String(error))
    if (db.open) db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`)
  })
  const exited = new Promise<void>((done) => worker.once('exit', () => done()))
  worker.unref()
  db.pragma('wal_autocheckpoint = 0')
  return async () => {
    // Keep the process alive until the worker has finished its last checkpoint.
    worker.ref()
    worker.postMessage('stop')
    await exited
  }
}
