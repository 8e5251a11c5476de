import { Extension, type Editor } from '@tiptap/core'
import type { CourseId } from '../../../../../shared/course/types'
import type { ChorusError } from '../../../../../shared/errors'
import type { ChorusDb } from '../../../storage/db'

/** Where the lesson's media live and where problems with them are told to the author. */
export interface MediaScope {
  readonly db: ChorusDb
  readonly courseId: CourseId
  /** Shows a problem (a file too large, storage full) to the author; null clears it. */
  readonly onError: (error: ChorusError | null) => void
}

export const MEDIA_SCOPE = 'chorusMediaScope'

/** Carries the scope on the editor, so node views, the Insert menu and paste handling read it from there. */
export const MediaScopeExtension = Extension.create<MediaScope>({ name: MEDIA_SCOPE })

export const mediaScopeOf = (editor: Editor): MediaScope => {
  const extension = editor.extensionManager.extensions.find((e) => e.name === MEDIA_SCOPE)
  if (!extension) throw new Error('The lesson editor was built without its media scope.')
  return extension.options as MediaScope
}
