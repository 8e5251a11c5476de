/**
 * The starter outline of a course that answers a need ("Answer with a course"): the need's title as the course
 * title, what people should be able to do afterwards as its objective (the course description, and the opening
 * of the introduction), and four lessons an expert fills in: Introduction, Key steps, Check your understanding
 * (with a question to rewrite) and Summary. Built with the course commands, so it is a course like any other.
 */
import type * as Y from 'yjs'
import {
  addLesson,
  addSection,
  renameCourse,
  updateCourseDetails,
  writeLessonContent,
} from '../course/commands'
import { MARK, NODE, type ContentNode, type QuestionAttrs } from '../course/content'
import { randomString } from '../course/ids'
import { LOCAL_ORIGIN } from '../course/origins'
import { readCourseMeta } from '../course/read'
import type { NeedSnapshot } from './types'

const text = (value: string, marks?: ContentNode['marks']): ContentNode =>
  marks === undefined ? { type: NODE.text, text: value } : { type: NODE.text, text: value, marks }
const paragraph = (...content: ContentNode[]): ContentNode => ({ type: NODE.paragraph, content })
const heading = (value: string): ContentNode => ({
  type: NODE.heading,
  attrs: { level: 2 },
  content: [text(value)],
})
const list = (type: string, items: readonly ContentNode[][]): ContentNode => ({
  type,
  content: items.map((content) => ({ type: NODE.listItem, content: [paragraph(...content)] })),
})
const doc = (...content: ContentNode[]): ContentNode => ({ type: NODE.doc, content })

/** What the need says people should be able to do, or a prompt to write it when the declarer left it empty. */
const objectiveOf = (need: NeedSnapshot): string =>
  need.outcome.trim() === ''
    ? 'Write here what people will be able to do after this course.'
    : need.outcome.trim()

const introduction = (need: NeedSnapshot): ContentNode => {
  const blocks: ContentNode[] = [heading('What you will be able to do'), paragraph(text(objectiveOf(need)))]
  if (need.audience.trim() !== '')
    blocks.push(heading('Who this is for'), paragraph(text(need.audience.trim())))
  if (need.context.trim() !== '') blocks.push(heading('Why it matters'), paragraph(text(need.context.trim())))
  if (need.links.length > 0)
    blocks.push(
      heading('Further reading'),
      list(
        NODE.bulletList,
        need.links.map((href) => [
          text(href, [
            { type: MARK.link, attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow' } },
          ]),
        ]),
      ),
    )
  return doc(...blocks)
}

const keySteps = (): ContentNode =>
  doc(
    paragraph(
      text('Walk the learner through the steps one at a time: what to do, and how to tell it worked.'),
    ),
    list(NODE.orderedList, [[text('First step')], [text('Second step')], [text('Third step')]]),
  )

const check = (need: NeedSnapshot): ContentNode => {
  const question: QuestionAttrs = {
    id: randomString(22),
    kind: 'single',
    prompt: `Replace this question with one that checks: ${objectiveOf(need)}`.slice(0, 500),
    choices: [
      { id: randomString(10), text: 'The right answer', correct: true },
      { id: randomString(10), text: 'A likely mistake', correct: false },
      { id: randomString(10), text: 'Another likely mistake', correct: false },
    ],
    feedbackCorrect: 'Right.',
    feedbackIncorrect: 'Not quite: look at the key steps again.',
  }
  return doc(paragraph(text('Check that you can do it:')), { type: NODE.question, attrs: { ...question } })
}

const summary = (need: NeedSnapshot): ContentNode =>
  doc(
    paragraph(text('You can now: ')),
    paragraph(text(objectiveOf(need))),
    paragraph(text('Recap the key steps here.')),
  )

/**
 * Fills a freshly created course document (createCourse) with the starter outline for `need`, in one
 * transaction with the local origin, before it is stored: one update, nothing half-written.
 */
export const fillStarterCourse = (courseDoc: Y.Doc, need: NeedSnapshot): void => {
  courseDoc.transact(() => {
    if (readCourseMeta(courseDoc).title !== need.title) renameCourse(courseDoc, need.title)
    updateCourseDetails(courseDoc, { description: objectiveOf(need) })
    const sectionId = addSection(courseDoc, { title: need.title })
    const lessons: readonly [string, ContentNode][] = [
      ['Introduction', introduction(need)],
      ['Key steps', keySteps()],
      ['Check your understanding', check(need)],
      ['Summary', summary(need)],
    ]
    for (const [title, content] of lessons) {
      const lessonId = addLesson(courseDoc, { sectionId, title })
      writeLessonContent(courseDoc, lessonId, content)
    }
  }, LOCAL_ORIGIN)
}
