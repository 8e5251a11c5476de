import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../../shared/course-file/sha256'
import type { CourseId } from '../../../shared/course/types'
import { openChorusDb, type ChorusDb } from '../storage/db'
import { localMediaHashes, storeVerifiedMedia } from './media-local'

const freshDb = (): ChorusDb =>
  openChorusDb('chorus-media-test', { indexedDB: new IDBFactory(), IDBKeyRange })
const COURSE = 'courseA' as CourseId
const OTHER = 'courseB' as CourseId

describe('media-local', () => {
  it('stores downloaded bytes only when they hash to their name', async () => {
    const db = freshDb()
    const bytes = new Uint8Array([1, 2, 3, 4])
    const hash = await sha256Hex(bytes)
    expect(await storeVerifiedMedia(db, COURSE, hash, 'image/png', new Uint8Array([9, 9]))).toBe('corrupt')
    expect(await db.media.count()).toBe(0)
    expect(await storeVerifiedMedia(db, COURSE, hash, 'image/png', bytes)).toBe('stored')
    expect(await db.media.get(hash)).toMatchObject({ hash, courseId: COURSE, mime: 'image/png', bytes })
  })

  it('leaves a blob another course stored as it is, and counts it as present', async () => {
    const db = freshDb()
    const bytes = new Uint8Array([5, 6, 7])
    const hash = await sha256Hex(bytes)
    await storeVerifiedMedia(db, OTHER, hash, 'image/gif', bytes)
    expect(await storeVerifiedMedia(db, COURSE, hash, 'image/png', bytes)).toBe('held')
    expect(await db.media.get(hash)).toMatchObject({ courseId: OTHER, mime: 'image/gif' })

    const own = new Uint8Array([8])
    const ownHash = await sha256Hex(own)
    await storeVerifiedMedia(db, COURSE, ownHash, 'image/png', own)
    const absent = 'f'.repeat(64)
    expect(await localMediaHashes(db, COURSE, [hash, absent])).toEqual(new Set([ownHash, hash]))
    expect(await localMediaHashes(db, COURSE, [])).toEqual(new Set([ownHash]))
  })
})
