import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'
import type { ChorusDb, MediaRow } from '../storage/db'

export type MediaUrl =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly url: string }
  | { readonly kind: 'missing' }

const blobOf = (row: MediaRow): Blob =>
  row.bytes instanceof Blob ? row.bytes : new Blob([row.bytes as Uint8Array<ArrayBuffer>], { type: row.mime })

/**
 * An object URL for a stored media blob, never a remote address. Live: a blob that is missing (a co-author's
 * image not synced yet) turns `ready` by itself when its row is written. The URL is revoked when it is no
 * longer shown.
 */
export const useMediaUrl = (db: ChorusDb, hash: string): MediaUrl => {
  const [state, setState] = useState<{ readonly hash: string; readonly url: MediaUrl }>({
    hash,
    url: { kind: 'loading' },
  })
  useEffect(() => {
    let url: string | null = null
    const release = () => {
      if (url !== null) URL.revokeObjectURL(url)
      url = null
    }
    const subscription = liveQuery(() => db.media.get(hash)).subscribe({
      next: (row) => {
        // A row's bytes never change for its hash, so one URL serves until the row goes away.
        if (row !== undefined && url !== null) return
        release()
        if (row !== undefined) url = URL.createObjectURL(blobOf(row))
        setState({ hash, url: url === null ? { kind: 'missing' } : { kind: 'ready', url } })
      },
      // A database that cannot be read shows the same placeholder; the app reports storage problems elsewhere.
      error: () => setState({ hash, url: { kind: 'missing' } }),
    })
    return () => {
      subscription.unsubscribe()
      release()
    }
  }, [db, hash])
  return state.hash === hash ? state.url : { kind: 'loading' }
}
