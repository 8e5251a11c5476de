import { strToU8, zipSync, type Zippable } from 'fflate'
import * as Y from 'yjs'
import { schemaStatus } from '../course/migrate'
import { readCourse } from '../course/read'
import { CURRENT_SCHEMA_VERSION } from '../course/schema'
import type { MediaBlob } from '../export/types'
import {
  DOCUMENT_FILE,
  FORMAT_NAME,
  FORMAT_VERSION,
  HEADER_FILE,
  MEDIA_DIR,
  type CourseFileHeader,
} from './format'

/**
 * Writes a course and its media as one `.chorus` file. `media` should hold every blob the lessons use; blobs
 * are stored, not deflated, since images and video are compressed already. `savedAt` is injectable for tests.
 * Throws for a document that holds no course yet: there is nothing to save, and that is the caller's bug.
 */
export const encodeCourseFile = (
  doc: Y.Doc,
  media: ReadonlyMap<string, MediaBlob>,
  savedAt: number = Date.now(),
): Uint8Array => {
  const status = schemaStatus(doc)
  if (status.kind === 'uninitialised') throw new Error('encodeCourseFile: the document holds no course')
  const { meta } = readCourse(doc)
  const header: CourseFileHeader = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    courseId: meta.id,
    title: meta.title,
    savedAt,
    schemaVersion: status.kind === 'too-new' ? status.version : CURRENT_SCHEMA_VERSION,
    media: [...media].map(([hash, blob]) => ({ hash, mime: blob.mime })),
  }
  const files: Zippable = {
    [HEADER_FILE]: strToU8(JSON.stringify(header, null, 2)),
    [DOCUMENT_FILE]: Y.encodeStateAsUpdate(doc),
  }
  for (const [hash, blob] of media) files[MEDIA_DIR + hash] = [blob.bytes, { level: 0 }]
  return zipSync(files, { mtime: Math.max(savedAt, Date.UTC(1980, 0, 2)) })
}
