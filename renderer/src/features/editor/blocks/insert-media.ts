import type { Editor, JSONContent } from '@tiptap/core'
import { NODE, type ImageAttrs, type MediaAttrs } from '../../../../../shared/course/content'
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
    const check = checkMediaFile(file, expected)
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

/** The media files among what was pasted or dropped; other items (text, HTML) are left to the editor. */
export const mediaFilesIn = (data: DataTransfer | null): File[] =>
  [...(data?.files ?? [])].filter((file) => /^(image|video|audio)\//.test(file.type))
