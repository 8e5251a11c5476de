/**
 * The one place the history UI listens to a Y.Doc: every other file reads documents only through
 * shared/history/ and shared/course/ functions.
 */
import type * as Y from 'yjs'

/** Calls `listener` after each change to `doc`, saying whether it was made on this device. Returns the unsubscribe. */
export function onDocChange(doc: Y.Doc, listener: (local: boolean) => void): () => void {
  const handle = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void =>
    listener(transaction.local)
  doc.on('update', handle)
  return () => doc.off('update', handle)
}
