import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Writes beside the target, then renames over it: a failed or interrupted export never leaves a half-written
 * zip where a good one was. Rename is atomic within one directory, hence the temp file in the same one.
 */
export const writeFileAtomic = async (path: string, bytes: Uint8Array): Promise<void> => {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temp, bytes, { flag: 'wx' })
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
