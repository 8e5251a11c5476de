import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../../shared/course/types'
import { openChorusDb } from '../storage/db'
import { adoptPastedMedia, courseMediaHashes } from './media-store'
import { mediaHash, putMedia } from './media-store'

const A = 'course-a' as CourseId
const B = 'course-b' as CourseId

describe('media a course may use', () => {
  it('a blob stored by one course is not another course’s until its blocks are pasted there', async () => {
    const db = openChorusDb('media-courses-adopt')
    const logo = await putMedia(db, A, new TextEncoder().encode('a logo'), 'image/png')
    expect(await courseMediaHashes(db, B)).toEqual([])

    const notOnDevice = await mediaHash(new TextEncoder().encode('never stored here'))
    await adoptPastedMedia(db, B, [logo, logo, notOnDevice])

    expect(await courseMediaHashes(db, B)).toEqual([logo])
    expect(await courseMediaHashes(db, A)).toEqual([logo])
    db.close()
  })
})
