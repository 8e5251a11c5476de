import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { dialog, type BrowserWindow } from 'electron'
import { err, ok, type Result } from '../../shared/errors'
import type { SaveFileArgs } from '../../shared/ipc'
import type { FileFilter, OpenedFile } from '../../shared/platform'
import { writeFileAtomically } from './atomic-write'
import { describeReadError, describeWriteError } from './file-errors'

const MAX_OPEN_BYTES = 2 * 1024 * 1024 * 1024

const toDialogFilters = (filters: readonly FileFilter[]) =>
  filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }))

export const saveFileWithDialog = async (
  window: BrowserWindow,
  { suggestedName, bytes, filters }: SaveFileArgs,
): Promise<Result<{ readonly saved: boolean }>> => {
  const choice = await dialog.showSaveDialog(window, {
    defaultPath: suggestedName,
    filters: toDialogFilters(filters),
  })
  if (choice.canceled || !choice.filePath) return ok({ saved: false })
  try {
    await writeFileAtomically(choice.filePath, bytes)
    return ok({ saved: true })
  } catch (error) {
    const described = describeWriteError(error, choice.filePath)
    return err(described.code, described.message)
  }
}

export const openFileWithDialog = async (
  window: BrowserWindow,
  filters: readonly FileFilter[],
): Promise<Result<OpenedFile | null>> => {
  const choice = await dialog.showOpenDialog(window, {
    properties: ['openFile'],
    filters: toDialogFilters(filters),
  })
  const path = choice.filePaths[0]
  if (choice.canceled || path === undefined) return ok(null)
  try {
    if ((await stat(path)).size > MAX_OPEN_BYTES)
      return err('file-unreadable', `${path} is larger than 2 GB.`)
    return ok({ name: basename(path), bytes: new Uint8Array(await readFile(path)) })
  } catch (error) {
    const described = describeReadError(error, path)
    return err(described.code, described.message)
  }
}
