import { FILE_EXTENSION } from '../../../../shared/course-file/format'
import type { FileFilter } from '../../../../shared/platform'

export const COURSE_FILE_FILTERS: readonly FileFilter[] = [
  { name: 'Chorus course', extensions: [FILE_EXTENSION.slice(1)] },
]

/** `<title>.chorus`, without the characters a file system refuses in a name. */
export const courseFileName = (title: string): string => {
  const safe = title.replace(/[\\/:*?"<>|\n\r\t]+/g, ' ').trim()
  return `${safe === '' ? 'Untitled course' : safe}${FILE_EXTENSION}`
}
