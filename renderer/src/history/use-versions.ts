import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { listVersions } from '../../../shared/history/history-doc'
import type { VersionSummary } from '../../../shared/history/types'
import { onDocChange } from './doc-changes'

const NONE: readonly VersionSummary[] = []

/** The versions of a history document, newest first, read again whenever it changes (here or from the relay). */
export function useVersions(history: Y.Doc | null): readonly VersionSummary[] {
  const [versions, setVersions] = useState<readonly VersionSummary[]>(NONE)
  useEffect(() => {
    if (history === null) {
      setVersions(NONE)
      return
    }
    setVersions(listVersions(history))
    return onDocChange(history, () => setVersions(listVersions(history)))
  }, [history])
  return versions
}
