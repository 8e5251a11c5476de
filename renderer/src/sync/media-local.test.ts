import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../../shared/course-file/sha256'
import type { CourseId } from '../../../shared/course/types'
import { mediaSample, SCRIPTED_SVG } from '../../../tests/fixtures/media-bytes'
import { openChorusDb, type ChorusDb } from '../storage/db'
import { localMediaHashes, storeVerifiedMedia } from './media-local'

const freshDb = (): ChorusDb =>
  openChorusDb('chorus-media-test', { indexedDB: new IDBFactory(), IDBKeyRange })
const COURSE = 'courseA' as CourseId
const OTHER = 'courseB' as CourseId

describe('media-local', () => {
  it('stores downloaded bytes only when they hash to their name, as the type they are', async () => {
    const db = freshDb()
    const bytes = mediaSample('png')
    const hash = await sha256Hex(bytes)
    expect(await storeVerifiedMedia(db, COURSE, hash, new Uint8Array([9, 9]))).toBe('corrupt')
    expect(await db.media.count()).toBe(0)
    expect(await storeVerifiedMedia(db, COURSE, hash, bytes)).toBe('stored')
    expect(await db.media.get(hash)).toMatchObject({ hash, courseId: COURSE, mime: 'image/png', bytes })
    expect(await localMediaHashes(db, COURSE)).toEqual(new Set([hash]))
  })

  it('refuses downloaded bytes that are not an allowed media type, and stores nothing of them', async () => {
    const db = freshDb()
    const svg = new Uint8Array(SCRIPTED_SVG)
    expect(await storeVerifiedMedia(db, COURSE, await sha256Hex(svg), svg)).toBe('not-media')
    expect(await db.media.count()).toBe(0)
    expect(await db.mediaCourses.count()).toBe(0)
  })

  it('leaves a blob another course stored as it is, and counts only blobs the course stored as its own', async () => {
    const db = freshDb()
    const shared = mediaSample('gif')
    const hash = await sha256Hex(shared)
    await storeVerifiedMedia(db, OTHER, hash, shared)
    const own = mediaSample('jpeg')
    const ownHash = await sha256Hex(own)
    await storeVerifiedMedia(db, COURSE, ownHash, own)
    // Held here by another course: not this course's to upload or export until its own relay hands it over.
    expect(await localMediaHashes(db, COURSE)).toEqual(new Set([ownHash]))

    expect(await storeVerifiedMedia(db, COURSE, hash, shared)).toBe('held')
    expect(await db.media.get(hash)).toMatchObject({ courseId: OTHER, mime: 'image/gif' })
    expect(await localMediaHashes(db, COURSE)).toEqual(new Set([ownHash, hash]))
  })
})
