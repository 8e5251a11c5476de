/**
 * Reads a picked file into a ParsedDocument, whatever it is named: its bytes decide what it is. A Word document
 * (.docx, a zip holding word/document.xml), Markdown (UTF-8 text), or a .zip holding Markdown files and their
 * images. Anything else, damaged, password-protected or too big is refused with a stable code and a message
 * that says what to do; nothing is half-read into a course, since this only returns data.
 */
import { err, ok, type Result } from '../errors'
import { readDocx, DOCX_BODY } from './docx-reader'
import { ImportError } from './import-error'
import { IMPORT_LIMITS } from './import-limits'
import { createLossCounter } from './losses'
import { markdownToContent, type ImageReader } from './markdown-to-content'
import { createMediaCollector } from './media-collector'
import type { ParsedDocument } from './parsed-document'
import { resolvePath } from './paths'
import { unpackZip } from './safe-zip'

export type ImportPhase = 'reading' | 'converting' | 'planning'

/** Called as the import advances; it may return a promise so a UI can repaint, and may throw to cancel. */
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void | Promise<void>

export interface ReadDocumentOptions {
  /** Images a plain .md file names, read from beside it (the CLI); the app has only the picked file. */
  readonly readSibling?: ImageReader
  readonly onProgress?: ImportProgress
  /** Aborting stops the import at its next step with the code `cancelled`. */
  readonly signal?: { readonly aborted: boolean }
}

export interface PickedDocument {
  readonly name: string
  readonly bytes: Uint8Array
}

/** The file types offered in the app's picker and the CLI's help. */
export const IMPORT_EXTENSIONS: readonly string[] = ['docx', 'md', 'markdown', 'zip']

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06]

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((byte, at) => bytes[at] === byte)

const titleFrom = (name: string): string => {
  const base = name.split(/[\\/]/).pop() ?? name
  const stem = base.replace(/\.(docx|md|markdown|txt|zip)$/i, '').trim()
  return stem === '' ? 'Imported course' : stem
}

const isMarkdownName = (name: string): boolean => /\.(md|markdown)$/i.test(name)

const decodeText = (bytes: Uint8Array, name: string): string => {
  if (bytes.length > IMPORT_LIMITS.markdownBytes)
    throw new ImportError(
      'file-too-large',
      `“${name}” is larger than the ${IMPORT_LIMITS.markdownBytes / 1024 / 1024} MB of Markdown Chorus imports at once. Nothing was imported. Split it into several files.`,
    )
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    if (text.includes('\u0000')) throw new Error('binary')
    return text.replace(/^\uFEFF/, '')
  } catch {
    throw new ImportError(
      'file-unsupported',
      `“${name}” is not UTF-8 text, so it is not a Markdown file Chorus can read. Nothing was imported. Save it as UTF-8 and retry.`,
    )
  }
}

const unsupported = (name: string): ImportError =>
  new ImportError(
    'file-unsupported',
    `“${name}” is not a Word document (.docx), a Markdown file (.md) or a .zip of Markdown files. Nothing was imported.`,
  )

const readFile = async (file: PickedDocument, options: ReadDocumentOptions): Promise<ParsedDocument> => {
  const { bytes, name } = file
  const progress: ImportProgress = async (phase, done, total) => {
    if (options.signal?.aborted)
      throw new ImportError('cancelled', 'The import was cancelled. Nothing was imported.')
    await options.onProgress?.(phase, done, total)
  }
  await progress('reading', 0, 1)
  if (bytes.length > IMPORT_LIMITS.fileBytes)
    throw new ImportError(
      'file-too-large',
      `“${name}” is larger than the ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB Chorus imports. Nothing was imported.`,
    )
  if (startsWith(bytes, OLE_MAGIC))
    throw new ImportError(
      'file-encrypted',
      `“${name}” is password-protected (or an old Word 97–2003 .doc file). Nothing was imported. Open it in Word, remove the password (File › Info › Protect Document) or save it as .docx, and retry.`,
    )
  const losses = createLossCounter()
  const collector = createMediaCollector(losses)
  const title = titleFrom(name)
  const done = (kind: ParsedDocument['kind'], blocks: ParsedDocument['blocks']): ParsedDocument => ({
    kind,
    title,
    blocks,
    media: collector.media,
    losses: losses.list(),
  })
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) {
    const isDocx = /\.docx$/i.test(name)
    const entries = unpackZip(bytes, isDocx ? 'Word document' : 'zip file')
    if (entries.has(DOCX_BODY)) return done('docx', await readDocx(entries, collector, losses, progress))
    const pages = [...entries.keys()]
      .filter((path) => isMarkdownName(path) && !path.startsWith('__MACOSX/'))
      .sort((a, b) => a.localeCompare(b))
    if (pages.length === 0) {
      if (isDocx)
        throw new ImportError(
          'file-corrupt',
          `“${name}” is damaged: it holds no Word document body. Nothing was imported.`,
        )
      throw new ImportError(
        'file-unsupported',
        `“${name}” holds no Markdown file (.md). Nothing was imported. Put the .md file and its images in the zip.`,
      )
    }
    const blocks = []
    for (const [at, page] of pages.entries()) {
      await progress('converting', at, pages.length)
      const text = decodeText(entries.get(page) ?? new Uint8Array(), page)
      const readImage: ImageReader = (src) => {
        const path = resolvePath(page, src)
        return path === null ? null : (entries.get(path) ?? null)
      }
      blocks.push(...(await markdownToContent(text, readImage, collector, losses)))
    }
    return done('markdown-zip', blocks)
  }
  if (/\.(docx|zip)$/i.test(name))
    throw new ImportError(
      'file-corrupt',
      `“${name}” is damaged: it is not a zip archive as a .docx or .zip is. Nothing was imported.`,
    )
  if (!isMarkdownName(name) && !/\.txt$/i.test(name)) throw unsupported(name)
  const text = decodeText(bytes, name)
  await progress('converting', 0, 1)
  return done(
    'markdown',
    await markdownToContent(text, options.readSibling ?? (() => null), collector, losses),
  )
}

export const readDocument = async (
  file: PickedDocument,
  options: ReadDocumentOptions = {},
): Promise<Result<ParsedDocument>> => {
  try {
    const parsed = await readFile(file, options)
    // mammoth turns an error thrown while it converts an image into a warning, so look once more at the end.
    if (options.signal?.aborted)
      throw new ImportError('cancelled', 'The import was cancelled. Nothing was imported.')
    await options.onProgress?.('planning', 1, 1)
    return ok(parsed)
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error.toChorusError() }
    return err(
      'file-unreadable',
      `“${file.name}” could not be imported (${error instanceof Error ? error.message : String(error)}). Nothing was imported.`,
    )
  }
}
