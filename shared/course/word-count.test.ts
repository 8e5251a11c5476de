import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, writeLessonContent } from './commands'
import { newCourseId } from './ids'
import { courseLessonCount, courseWordCount } from './word-count'

const paragraph = (...runs: { text: string; bold?: boolean }[]) => ({
  type: 'paragraph',
  content: runs.map(({ text, bold }) => ({
    type: 'text',
    text,
    ...(bold ? { marks: [{ type: 'bold' }] } : {}),
  })),
})

describe('course word and lesson counts', () => {
  it('counts the words of every lesson body, across formatting, and the lessons of every section', () => {
    const doc = new Y.Doc()
    createCourse(doc, { id: newCourseId(), title: 'Renewals' })
    expect(courseWordCount(doc)).toBe(0)
    expect(courseLessonCount(doc)).toBe(0)
    const first = addSection(doc, { title: 'One' })
    const second = addSection(doc, { title: 'Two' })
    const a = addLesson(doc, { sectionId: first, title: 'A' })
    addLesson(doc, { sectionId: first, title: 'Empty' })
    const c = addLesson(doc, { sectionId: second, title: 'C' })
    writeLessonContent(doc, a, {
      type: 'doc',
      content: [paragraph({ text: 'Know ' }, { text: 'two', bold: true }, { text: ' exits — always.' })],
    })
    writeLessonContent(doc, c, {
      type: 'doc',
      content: [paragraph({ text: 'Zoë’s 3 steps' }), paragraph({ text: 'Done' })],
    })
    expect(courseLessonCount(doc)).toBe(3)
    // "Know two exits always" + "Zoë s 3 steps" + "Done"
    expect(courseWordCount(doc)).toBe(4 + 4 + 1)
  })
})
