import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse } from '../../../../shared/course/commands'
import { writeLessonContent } from '../../../../shared/course/content-io'
import type { CourseId, LessonId } from '../../../../shared/course/types'
import type { LessonFeedback } from '../../../../shared/feedback/types'
import { resolveAnchor } from '../../../../shared/review/anchor'
import { createThread } from '../../../../shared/review/commands'
import { readThreads } from '../../../../shared/review/read'
import { lessonBody } from '../../../../shared/course/read'
import { hasThreadFor, lessonStartDraft, threadBodyOf } from './feedback-thread'
import { questionPrompts } from './question-prompts'

const question = (id: string, prompt: string) => ({
  type: 'question',
  attrs: {
    id,
    kind: 'single',
    prompt,
    choices: [
      { id: 'a', text: 'Rain', correct: true },
      { id: 'b', text: 'Moonlight', correct: false },
    ],
    feedbackCorrect: '',
    feedbackIncorrect: '',
  },
})
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

function course(): { doc: Y.Doc; withText: LessonId; withoutText: LessonId } {
  const doc = new Y.Doc()
  createCourse(doc, { id: 'c1' as CourseId, title: 'Soil' })
  const sectionId = addSection(doc, { title: 'Basics' })
  const withText = addLesson(doc, { sectionId, title: 'Erosion' })
  const withoutText = addLesson(doc, { sectionId, title: 'Quiz' })
  writeLessonContent(doc, withText, {
    type: 'doc',
    content: [
      question('q1', 'What loosens topsoil?'),
      paragraph('Rain loosens topsoil.'),
      paragraph('More.'),
    ],
  })
  writeLessonContent(doc, withoutText, { type: 'doc', content: [question('q2', 'Ready?')] })
  return { doc, withText, withoutText }
}

const feedbackOn = (lessonId: LessonId): LessonFeedback => ({
  learner: { id: 'lee', name: 'Lee' },
  lessonId,
  reaction: 'confusing',
  comment: '  Which rain counts?  ',
  updatedAt: 1,
})

describe('turning a learner comment into a review thread', () => {
  it('anchors the thread at the whole first block that holds text, past a question', () => {
    const { doc, withText } = course()
    const draft = lessonStartDraft(doc, withText)
    expect(draft?.quote).toBe('Rain loosens topsoil.')
    const body = lessonBody(doc, withText)
    if (!draft || !body) throw new Error('no draft')
    expect(resolveAnchor(doc, body, draft.anchor)).toMatchObject({
      kind: 'attached',
      text: 'Rain loosens topsoil.',
    })
  })

  it('finds no place in a lesson without text', () => {
    const { doc, withoutText } = course()
    expect(lessonStartDraft(doc, withoutText)).toBeNull()
  })

  it('quotes the learner by name, and knows a thread was already made from the comment', () => {
    const { doc, withText } = course()
    const feedback = feedbackOn(withText)
    expect(threadBodyOf(feedback)).toBe('Pilot learner Lee: Which rain counts?')
    const review = new Y.Doc()
    expect(hasThreadFor(readThreads(review), feedback)).toBe(false)
    const draft = lessonStartDraft(doc, withText)
    if (!draft) throw new Error('no draft')
    createThread(review, {
      ...draft,
      author: { id: 'ann', name: 'Ann' },
      body: threadBodyOf(feedback),
      mentions: [],
    })
    expect(hasThreadFor(readThreads(review), feedback)).toBe(true)
    expect(hasThreadFor(readThreads(review), { ...feedback, comment: 'Something else' })).toBe(false)
  })

  it('names questions by their prompts', () => {
    const { doc, withText, withoutText } = course()
    expect(questionPrompts(doc, [withText, withoutText])).toEqual(
      new Map([
        ['q1', 'What loosens topsoil?'],
        ['q2', 'Ready?'],
      ]),
    )
  })
})
