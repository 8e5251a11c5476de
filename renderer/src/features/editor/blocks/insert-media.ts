import type { Editor, JSONContent } from '@tiptap/core'
import { NODE, type ImageAttrs, type MediaAttrs } from '../../../../../shared/course/content'
import { SNIFF_BYTES } from '../../../../../shared/media/media-types'
import { checkMediaFile, type MediaKind } from '../../../media/media-limits'
import { putMedia } from '../../../media/media-store'
import { toStorageError } from '../../../storage/storage-error'
import { insertBlocks } from './insert-block'
import { mediaScopeOf } from './media-scope'

const titleOf = (fileName: string): string => fileName.replace(/\.[^.]+$/, '')

const blockFor = (kind: MediaKind, hash: string, mime: string, fileName: string): JSONContent => {
  if (kind === 'image') return { type: NODE.image, attrs: { hash, alt: '', mime } satisfies ImageAttrs }
  return {
    type: kind === 'video' ? NODE.video : NODE.audio,
    attrs: { hash, mime, title: titleOf(fileName) } satisfies MediaAttrs,
  }
}

/**
 * Stores files as local media blobs and inserts a block for each at the caret. `expected` is the kind the
 * author chose (null for paste and drop: any kind). A rejected file is reported and skipped; the rest go in.
 */
export async function insertMediaFiles(
  editor: Editor,
  files: readonly File[],
  expected: MediaKind | null,
): Promise<void> {
  const scope = mediaScopeOf(editor)
  scope.onError(null)
  const blocks: JSONContent[] = []
  for (const file of files) {
    // The bytes say what a file is: its name and declared type are the sender's to choose.
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())
    const check = checkMediaFile(file, head, expected)
    if (!check.ok) {
      scope.onError({ code: 'invalid-argument', message: check.message })
      continue
    }
    try {
      const hash = await putMedia(
        scope.db,
        scope.courseId,
        new Uint8Array(await file.arrayBuffer()),
        check.mime,
      )
      blocks.push(blockFor(check.kind, hash, check.mime, file.name))
    } catch (thrown) {
      scope.onError(toStorageError(thrown))
    }
  }
  insertBlocks(editor, blocks)
}

/**
 * The files among what was pasted or dropped that claim to be media; other items (text, HTML) are left to the
 * editor. A claim is only a claim: insertMediaFiles checks each file's bytes.
 */
export const mediaFilesIn = (data: DataTransfer | null): File[] =>
  [...(data?.files ?? [])].filter((file) => /^(image|video|audio)\//.test(file.type))
