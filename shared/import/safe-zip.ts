/**
 * Reads a .docx or a .zip of Markdown through the course-file zip reader: every declared size is checked against
 * the import caps before anything is inflated, and inflating stops at the declared size (a zip bomb).
 */
import { readZipEntries, readZipEntry, ZipError } from '../course-file/zip-reader'
import { ImportError } from './import-error'
import { IMPORT_LIMITS } from './import-limits'

export const unpackZip = (bytes: Uint8Array, what: string): Map<string, Uint8Array> => {
  try {
    const entries = readZipEntries(bytes).filter((entry) => !entry.name.endsWith('/'))
    let total = 0
    for (const entry of entries) {
      total += entry.size
      if (entry.size > IMPORT_LIMITS.entryBytes || total > IMPORT_LIMITS.totalBytes)
        throw new ImportError(
          'file-too-large',
          `This ${what} would unpack to more than Chorus imports (${IMPORT_LIMITS.entryBytes / 1024 / 1024} MB per part, ${IMPORT_LIMITS.totalBytes / 1024 / 1024} MB in all). Nothing was imported. Split the document, or shrink its images.`,
        )
    }
    return new Map(entries.map((entry) => [entry.name, readZipEntry(bytes, entry)]))
  } catch (error) {
    if (error instanceof ImportError) throw error
    if (error instanceof ZipError && error.overflow)
      throw new ImportError(
        'file-too-large',
        `This ${what} unpacks to more than it declares (${error.message}), as a zip bomb does. Nothing was imported.`,
      )
    throw new ImportError(
      'file-corrupt',
      `This ${what} is damaged and cannot be read (${error instanceof Error ? error.message : String(error)}). Nothing was imported. Save it again from the program that made it, and retry.`,
    )
  }
}
