// Dexie's liveQuery reads the global indexedDB when Dexie loads, so the global fake must come first.
import 'fake-indexeddb/auto'
import { liveQuery } from 'dexie'
import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../../shared/course/types'
import { openChorusDb } from '../storage/db'
import { mediaHash, putMedia } from './media-store'

const A = 'course-a' as CourseId
const B = 'course-b' as CourseId
const bytes = new TextEncoder().encode('a picture')

describe('media store', () => {
  it('hashes with SHA-256, lowercase hex', async () => {
    expect(await mediaHash(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('stores bytes under their hash once, and never re-owns a hash another course stored', async () => {
    const db = openChorusDb('media-store-own')
    const hash = await putMedia(db, A, bytes, 'image/png')
    expect(hash).toBe(await mediaHash(bytes))
    expect(await putMedia(db, A, bytes, 'image/png')).toBe(hash)
    expect(await putMedia(db, B, bytes, 'image/png')).toBe(hash)
    const rows = await db.media.toArray()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.courseId).toBe(A)
    expect(new Uint8Array(rows[0]?.bytes as Uint8Array)).toEqual(bytes)
    db.close()
  })

  it('lets a live query see a blob that arrives later', async () => {
    const db = openChorusDb('media-store-live')
    const hash = await mediaHash(bytes)
    const seen: boolean[] = []
    const subscription = liveQuery(() => db.media.get(hash)).subscribe((row) => seen.push(row !== undefined))
    await expect.poll(() => seen).toEqual([false])
    await putMedia(db, A, bytes, 'image/png')
    await expect.poll(() => seen).toEqual([false, true])
    subscription.unsubscribe()
    db.close()
  })
})
