import * as Y from 'yjs'
import { LOCAL_ORIGIN } from './origins'

/** An undo of one command (an import, a restore) alone, offered once while its notice is shown. */
export interface OneShotUndo {
  /** Takes that command back out, leaving everyone's later and concurrent edits as they are. Once only. */
  readonly undo: () => void
  /** Gives up the undo (the notice closed), so nothing keeps listening to the document. */
  readonly release: () => void
}

type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0]

/**
 * Runs `command` (one local-origin transaction on `scope`'s document) with an undo manager that tracks that
 * transaction alone, and returns its result with the undo.
 */
export const withOneShotUndo = <T>(
  scope: UndoScope,
  command: () => T,
): { result: T; handle: OneShotUndo } => {
  const manager = new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 })
  const result = command()
  // Only this command is ever undone through this manager: it stops listening before anyone edits again.
  manager.trackedOrigins.delete(LOCAL_ORIGIN)
  let used = false
  const finish = (undo: boolean): void => {
    if (used) return
    used = true
    if (undo) {
      manager.trackedOrigins.add(LOCAL_ORIGIN)
      manager.undo()
    }
    manager.destroy()
  }
  return { result, handle: { undo: () => finish(true), release: () => finish(false) } }
}
