import { describe, expect, it } from 'vitest'
import type { LessonId, SectionId, SectionSnapshot } from '../../../../shared/course/types'
import { lessonDropPlace, lessonStep, sectionDropIndex, sectionStep } from './outline-moves'

const s = (id: string) => id as SectionId
const l = (id: string) => id as LessonId
const section = (id: string, lessons: string[]): SectionSnapshot => ({
  id: s(id),
  title: id,
  lessons: lessons.map((lesson) => ({ id: l(lesson), title: lesson, sectionId: s(id) })),
})

// A: a1 a2 a3 | B: (empty) | C: c1
const outline = [section('A', ['a1', 'a2', 'a3']), section('B', []), section('C', ['c1'])]

/** Applies a lesson move the way the model defines it, to check that indexes mean what we intend. */
const applyLessonMove = (
  sections: SectionSnapshot[],
  lessonId: string,
  to: { sectionId: SectionId; index: number },
) => {
  const order = sections.map((sec) => ({
    id: sec.id,
    lessons: sec.lessons.map((lesson) => lesson.id as string),
  }))
  for (const sec of order) sec.lessons = sec.lessons.filter((id) => id !== lessonId)
  order.find((sec) => sec.id === to.sectionId)?.lessons.splice(to.index, 0, lessonId)
  return Object.fromEntries(order.map((sec) => [sec.id, sec.lessons.join(' ')]))
}

describe('lessonStep', () => {
  it('moves within a section', () => {
    expect(lessonStep(outline, l('a2'), 'up')).toEqual({ sectionId: 'A', index: 0 })
    expect(lessonStep(outline, l('a2'), 'down')).toEqual({ sectionId: 'A', index: 2 })
    expect(applyLessonMove(outline, 'a2', { sectionId: s('A'), index: 2 }).A).toBe('a1 a3 a2')
  })

  it('crosses into the neighbouring section at the edges, including empty ones', () => {
    expect(lessonStep(outline, l('a3'), 'down')).toEqual({ sectionId: 'B', index: 0 })
    expect(lessonStep(outline, l('c1'), 'up')).toEqual({ sectionId: 'B', index: 0 })
    expect(lessonStep(outline, l('a1'), 'up')).toBeNull()
    expect(lessonStep(outline, l('c1'), 'down')).toBeNull()
  })

  it('lands at the end of the previous section when going up', () => {
    const two = [section('A', ['a1', 'a2']), section('C', ['c1'])]
    expect(lessonStep(two, l('c1'), 'up')).toEqual({ sectionId: 'A', index: 2 })
  })

  it('returns null for an unknown lesson', () => {
    expect(lessonStep(outline, l('zz'), 'up')).toBeNull()
  })
})

describe('sectionStep', () => {
  it('moves one place and stops at the ends', () => {
    expect(sectionStep(outline, s('B'), 'up')).toBe(0)
    expect(sectionStep(outline, s('B'), 'down')).toBe(2)
    expect(sectionStep(outline, s('A'), 'up')).toBeNull()
    expect(sectionStep(outline, s('C'), 'down')).toBeNull()
    expect(sectionStep(outline, s('Z'), 'down')).toBeNull()
  })
})

describe('lessonDropPlace', () => {
  it('drops before or after a lesson in the same section, counting after removal', () => {
    const after = lessonDropPlace(outline, l('a1'), { kind: 'lesson', lessonId: l('a3'), edge: 'after' })
    expect(after).toEqual({ sectionId: 'A', index: 2 })
    if (after) expect(applyLessonMove(outline, 'a1', after).A).toBe('a2 a3 a1')
    const before = lessonDropPlace(outline, l('a3'), { kind: 'lesson', lessonId: l('a1'), edge: 'before' })
    expect(before).toEqual({ sectionId: 'A', index: 0 })
    if (before) expect(applyLessonMove(outline, 'a3', before).A).toBe('a3 a1 a2')
  })

  it('drops across sections and at the end of an empty section', () => {
    const place = lessonDropPlace(outline, l('a2'), { kind: 'lesson', lessonId: l('c1'), edge: 'before' })
    expect(place).toEqual({ sectionId: 'C', index: 0 })
    expect(lessonDropPlace(outline, l('a2'), { kind: 'section-end', sectionId: s('B') })).toEqual({
      sectionId: 'B',
      index: 0,
    })
    expect(lessonDropPlace(outline, l('c1'), { kind: 'section-end', sectionId: s('A') })).toEqual({
      sectionId: 'A',
      index: 3,
    })
  })

  it('returns null when nothing would change', () => {
    expect(
      lessonDropPlace(outline, l('a1'), { kind: 'lesson', lessonId: l('a2'), edge: 'before' }),
    ).toBeNull()
    expect(lessonDropPlace(outline, l('a2'), { kind: 'lesson', lessonId: l('a1'), edge: 'after' })).toBeNull()
    expect(lessonDropPlace(outline, l('a2'), { kind: 'lesson', lessonId: l('a2'), edge: 'after' })).toBeNull()
    expect(lessonDropPlace(outline, l('a3'), { kind: 'section-end', sectionId: s('A') })).toBeNull()
  })
})

describe('sectionDropIndex', () => {
  it('counts after removal and skips no-ops', () => {
    expect(sectionDropIndex(outline, s('A'), s('C'), 'after')).toBe(2)
    expect(sectionDropIndex(outline, s('C'), s('A'), 'before')).toBe(0)
    expect(sectionDropIndex(outline, s('A'), s('B'), 'before')).toBeNull()
    expect(sectionDropIndex(outline, s('B'), s('A'), 'after')).toBeNull()
    expect(sectionDropIndex(outline, s('B'), s('B'), 'after')).toBeNull()
  })
})
