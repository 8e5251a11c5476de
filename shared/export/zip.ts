import { zipSync, type Zippable } from 'fflate'
import { isCompressed } from './media-files'
import type { PackageFiles } from './types'

/** Zip timestamps cannot predate 1980. */
const EARLIEST = Date.UTC(1980, 0, 2)

/**
 * Zips package files. `mtime` is fixed by the caller (the course's last change), so exporting an unchanged
 * course twice gives identical bytes.
 */
export const zipPackage = (files: PackageFiles, mtime: number): Uint8Array => {
  const entries: Zippable = {}
  for (const [path, bytes] of files) entries[path] = [bytes, { level: isCompressed(path) ? 0 : 6 }]
  return zipSync(entries, { mtime: Math.max(mtime, EARLIEST) })
}
