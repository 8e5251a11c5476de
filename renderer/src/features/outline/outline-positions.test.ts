import { describe, expect, it } from 'vitest'
import type { LessonId, SectionId, SectionSnapshot } from '../../../../shared/course/types'
import type { OutlineItem } from './outline-item'
import { lessonStep, sectionStep } from './outline-moves'
import { canStep, outlinePositions, sectionOf, sectionsHolding } from './outline-positions'

const section = (id: string, lessons: string[]): SectionSnapshot => ({
  id: id as SectionId,
  title: id,
  lessons: lessons.map((lesson) => ({ id: lesson as LessonId, title: lesson, sectionId: id as SectionId })),
})

const outlines: SectionSnapshot[][] = [
  [section('A', ['a1', 'a2', 'a3']), section('B', []), section('C', ['c1'])],
  [section('A', ['a1'])],
  [section('A', []), section('B', ['b1', 'b2']), section('C', [])],
  [],
]

const itemsOf = (sections: readonly SectionSnapshot[]): OutlineItem[] =>
  sections.flatMap((s): OutlineItem[] => [
    { kind: 'section', id: s.id },
    ...s.lessons.map((lesson): OutlineItem => ({ kind: 'lesson', id: lesson.id })),
  ])

describe('canStep', () => {
  it('agrees with lessonStep and sectionStep for every row and direction', () => {
    for (const sections of outlines) {
      const positions = outlinePositions(sections)
      for (const item of itemsOf(sections)) {
        for (const direction of ['up', 'down'] as const) {
          const step =
            item.kind === 'lesson'
              ? lessonStep(sections, item.id, direction)
              : sectionStep(sections, item.id, direction)
          expect(canStep(positions, item, direction), `${item.id} ${direction}`).toBe(step !== null)
        }
      }
    }
  })

  it('refuses a row that is gone', () => {
    const positions = outlinePositions(outlines[0] ?? [])
    expect(canStep(positions, { kind: 'lesson', id: 'gone' as LessonId }, 'up')).toBe(false)
    expect(canStep(positions, { kind: 'section', id: 'gone' as SectionId }, 'down')).toBe(false)
  })
})

describe('sectionOf', () => {
  it('finds the section holding a lesson, and a section itself', () => {
    const positions = outlinePositions(outlines[0] ?? [])
    expect(sectionOf(positions, { kind: 'lesson', id: 'a2' as LessonId })).toBe('A')
    expect(sectionOf(positions, { kind: 'section', id: 'C' as SectionId })).toBe('C')
    expect(sectionOf(positions, { kind: 'lesson', id: 'gone' as LessonId })).toBeNull()
  })
})

describe('sectionsHolding', () => {
  it('counts the sections up to the last one holding an item, and nothing for items that are gone', () => {
    const positions = outlinePositions(outlines[0] ?? [])
    const lesson = (id: string): OutlineItem => ({ kind: 'lesson', id: id as LessonId })
    const sectionItem = (id: string): OutlineItem => ({ kind: 'section', id: id as SectionId })
    expect(sectionsHolding(positions, [])).toBe(0)
    expect(sectionsHolding(positions, [null, lesson('a2')])).toBe(1)
    expect(sectionsHolding(positions, [lesson('a1'), sectionItem('B'), null])).toBe(2)
    expect(sectionsHolding(positions, [lesson('c1'), lesson('gone')])).toBe(3)
    expect(sectionsHolding(positions, [lesson('gone')])).toBe(0)
  })
})
