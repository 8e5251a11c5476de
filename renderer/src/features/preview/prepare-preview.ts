import type * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import { err, ok, type ChorusError, type Result } from '../../../../shared/errors'
import { exportInputFromDoc } from '../../../../shared/export/from-doc'
import { exportableMedia } from '../../../../shared/export/media-files'
import { renderPreviewDocument } from '../../../../shared/export/preview'
import type { ExportInput, MediaBlob } from '../../../../shared/export/types'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { loadCourseMedia } from '../../media/media-store'
import { withEscapeToClose } from './escape-to-close'
import { dataUrlMediaType, usedMediaHashes } from './preview-media'

export interface PreparedPreview {
  /** The export's player page, self-contained, for a sandboxed iframe's srcdoc. */
  readonly html: string
  /** Media the lessons use that this device does not hold yet; the player shows placeholders for them. */
  readonly missingMedia: number
}

/** Media files encoded so far, for a progress bar: a course with video takes a moment. */
export interface PreviewProgress {
  readonly done: number
  readonly total: number
}

/** A player being prepared, or why it could not be. */
export type Preparation =
  | ({ readonly kind: 'preparing' } & PreviewProgress)
  | { readonly kind: 'failed'; readonly error: ChorusError }

const MEDIA_FAILED =
  'Chorus could not prepare this course’s images and media for the preview. Close the preview and open it again; if it keeps failing, reload Chorus.'

/**
 * A data: URL, not a blob: URL: the preview frame is sandboxed to an opaque origin (it must not reach the app's
 * storage), and Chromium refuses such a frame the parent's blob: URLs.
 */
const toDataUrl = (blob: MediaBlob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('no data URL'))
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'))
    reader.readAsDataURL(
      new Blob([blob.bytes as Uint8Array<ArrayBuffer>], { type: dataUrlMediaType(blob.mime) }),
    )
  })

/** The course's media, inlined as data: URLs for a player page in a sandboxed frame. */
export interface InlinedMedia {
  readonly media: ReadonlyMap<string, MediaBlob>
  readonly urls: ReadonlyMap<string, string>
  /** Media the lessons use that this device does not hold yet; the player shows placeholders for them. */
  readonly missing: number
}

/**
 * Encodes the media the lessons use, as the export picks them (only media by their bytes, labelled as what they
 * are), reporting progress after each file. Shared by the learner preview and the pilot learners' view.
 */
export async function inlineUsedMedia(
  db: ChorusDb,
  doc: Y.Doc,
  input: ExportInput,
  onProgress: (progress: PreviewProgress) => void,
): Promise<Result<InlinedMedia>> {
  let stored: Map<string, MediaBlob>
  try {
    stored = await loadCourseMedia(db, doc)
  } catch (thrown) {
    return { ok: false, error: toStorageError(thrown) }
  }
  const used = [...usedMediaHashes(input.lessons.values())]
  const media = new Map(
    used.flatMap((hash) => {
      const blob = exportableMedia(stored.get(hash))
      return blob ? [[hash, blob] as const] : []
    }),
  )
  const urls = new Map<string, string>()
  try {
    for (const [hash, blob] of media) {
      onProgress({ done: urls.size, total: media.size })
      urls.set(hash, await toDataUrl(blob))
    }
  } catch {
    return err('export-failed', MEDIA_FAILED)
  }
  onProgress({ done: media.size, total: media.size })
  return ok({ media, urls, missing: used.length - media.size })
}

/**
 * Renders the open course with the export's player, its media inlined, ready for the learner preview. It opens
 * at `startLessonId` (the lesson the author has open), or at the first lesson when that is null.
 */
export async function preparePreview(
  db: ChorusDb,
  doc: Y.Doc,
  startLessonId: LessonId | null,
  onProgress: (progress: PreviewProgress) => void,
): Promise<Result<PreparedPreview>> {
  const input = exportInputFromDoc(doc, new Map())
  if (input.lessons.size === 0)
    return err('export-failed', 'The course has no lessons yet. Add a lesson, then preview the course.')
  const inlined = await inlineUsedMedia(db, doc, input, onProgress)
  if (!inlined.ok) return inlined
  const { media, urls, missing } = inlined.value
  const page = await renderPreviewDocument(
    { ...input, media },
    (hash) => urls.get(hash) ?? '',
    startLessonId ?? undefined,
  )
  return page.ok ? ok({ html: withEscapeToClose(page.value), missingMedia: missing }) : page
}
