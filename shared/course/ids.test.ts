import { describe, expect, it } from 'vitest'
import { newCourseId, newLessonId, newSectionId } from './ids'

describe('ids', () => {
  it('are URL-safe and do not repeat', () => {
    const ids = Array.from({ length: 1000 }, () => [newCourseId(), newSectionId(), newLessonId()]).flat()
    for (const id of ids) expect(id).toMatch(/^[0-9A-Za-z]{22}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
