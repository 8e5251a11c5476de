import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, writeLessonContent } from '../course/commands'
import { readLessonContent } from '../course/content-io'
import { newCourseId } from '../course/ids'
import { readCourse } from '../course/read'
import { addImportToCourse, buildImportedCourse } from './apply-plan'
import { planImport } from './outline-plan'
import { readDocument } from './read-document'

const plan = async (markdown: string) => {
  const parsed = await readDocument({ name: 'Notes.md', bytes: new TextEncoder().encode(markdown) })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return planImport(parsed.value)
}

const outline = (doc: Y.Doc) => readCourse(doc).sections.map((s) => [s.title, s.lessons.map((l) => l.title)])

const existingCourse = () => {
  const doc = new Y.Doc()
  createCourse(doc, { id: newCourseId(), title: 'Mine' })
  const sectionId = addSection(doc, { title: 'Basics' })
  const lessonId = addLesson(doc, { sectionId, title: 'Hello' })
  writeLessonContent(doc, lessonId, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mine' }] }],
  })
  return { doc, lessonId }
}

describe('applying an import', () => {
  it('a new course holds the plan, titled after the file, in a document built in memory', async () => {
    const doc = buildImportedCourse(await plan('# One\n\n## A\n\nText\n\n## B\n'), { id: newCourseId() })
    expect(readCourse(doc).meta.title).toBe('Notes')
    expect(outline(doc)).toEqual([['One', ['A', 'B']]])
  })

  it('adds to an existing course after its sections, as one transaction', async () => {
    const { doc, lessonId } = existingCourse()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const added = addImportToCourse(doc, await plan('Intro\n\n# One\n\n## A\n\nText\n'))
    expect(transactions).toBe(1)
    expect(added.lessons).toBe(2)
    expect(outline(doc)).toEqual([
      ['Basics', ['Hello']],
      ['Notes', ['Introduction']],
      ['One', ['A']],
    ])
    expect(readLessonContent(doc, lessonId).content?.[0]?.content?.[0]?.text).toBe('Mine')
  })

  it('undo takes back exactly the import, keeping edits made before and after it', async () => {
    const { doc, lessonId } = existingCourse()
    const added = addImportToCourse(doc, await plan('# One\n\n## A\n\nText\n'))
    const laterSection = addSection(doc, { title: 'Later' })
    addLesson(doc, { sectionId: laterSection, title: 'After' })
    added.undo()
    expect(outline(doc)).toEqual([
      ['Basics', ['Hello']],
      ['Later', ['After']],
    ])
    expect(readLessonContent(doc, lessonId).content?.[0]?.content?.[0]?.text).toBe('Mine')
    added.undo()
    expect(outline(doc)).toHaveLength(2)
  })

  it('once released, the undo does nothing', async () => {
    const { doc } = existingCourse()
    const added = addImportToCourse(doc, await plan('# One\n\n## A\n'))
    added.release()
    added.undo()
    expect(outline(doc).map(([title]) => title)).toEqual(['Basics', 'One'])
  })
})
