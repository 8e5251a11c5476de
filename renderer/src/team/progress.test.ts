import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, writeLessonContent } from '../../../shared/course/commands'
import { newCourseId } from '../../../shared/course/ids'
import { courseProgress } from './progress'

const course = (): Y.Doc => {
  const doc = new Y.Doc()
  createCourse(doc, { id: newCourseId(), title: 'Renewals' })
  const sectionId = addSection(doc, { title: 'S' })
  const lesson = addLesson(doc, { sectionId, title: 'Intro' })
  addLesson(doc, { sectionId, title: 'Steps' })
  writeLessonContent(doc, lesson, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ask before you discount' }] }],
  })
  return doc
}

const ana = { id: 'u-ana', name: 'Ana' }
const bo = { id: 'u-bo', name: 'Bo' }

describe('a team course’s progress', () => {
  it('counts the course and makes me a co-author and the last editor once I edited', () => {
    expect(
      courseProgress({ courseDoc: course(), me: ana, previous: null, openComments: 2, editedAt: 1000 }),
    ).toEqual({ lessons: 2, words: 4, openComments: 2, coAuthors: [ana], lastEditBy: ana, lastEditAt: 1000 })
  })

  it('keeps the co-authors and the last edit the team space holds', () => {
    const previous = {
      lessons: 1,
      words: 1,
      openComments: 0,
      coAuthors: [bo],
      lastEditBy: bo,
      lastEditAt: 500,
    }
    const doc = course()
    expect(
      courseProgress({ courseDoc: doc, me: ana, previous, openComments: 0, editedAt: null }),
    ).toMatchObject({
      coAuthors: [bo],
      lastEditBy: bo,
      lastEditAt: 500,
    })
    expect(
      courseProgress({ courseDoc: doc, me: ana, previous, openComments: 0, editedAt: 900 }),
    ).toMatchObject({
      coAuthors: [bo, ana],
      lastEditBy: ana,
      lastEditAt: 900,
    })
    const renamed = { ...previous, coAuthors: [bo, { id: 'u-ana', name: 'Ana (old name)' }] }
    expect(
      courseProgress({ courseDoc: doc, me: ana, previous: renamed, openComments: 0, editedAt: 900 })
        .coAuthors,
    ).toEqual([bo, ana])
  })
})
