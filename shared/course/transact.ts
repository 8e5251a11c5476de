import type * as Y from 'yjs'
import { LOCAL_ORIGIN } from './origins'
import { META, metaMap } from './schema'

/** Every command is one transaction with the local origin, so one undo step reverts exactly one command. */
export const runCommand = <T>(doc: Y.Doc, change: () => T): T =>
  doc.transact(() => {
    const result = change()
    metaMap(doc).set(META.updatedAt, Date.now())
    return result
  }, LOCAL_ORIGIN)
