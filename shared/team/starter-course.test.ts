import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCourse } from '../course/commands'
import { readLessonContent } from '../course/content-io'
import { NODE, type ContentNode, type QuestionAttrs } from '../course/content'
import type { CourseId } from '../course/types'
import { readCourse } from '../course/read'
import { readTeam } from './read'
import { fillStarterCourse } from './starter-course'
import { declareNeed } from './team-doc'
import type { NeedSnapshot, TeamId } from './types'

const need = (): NeedSnapshot => {
  const team = new Y.Doc()
  declareNeed(
    team,
    { id: 'u-ana', name: 'Ana', role: 'member' },
    {
      title: 'Negotiating renewals',
      outcome: 'Close a renewal without giving a discount',
      audience: 'Account managers',
      urgency: 'now',
      due: null,
      context: 'Renewals slipped last quarter.',
      links: ['https://example.com/playbook'],
    },
  )
  const found = readTeam(team, 'sales' as TeamId).needs[0]
  if (found === undefined) throw new Error('no need')
  return found
}

const texts = (node: ContentNode): string[] =>
  node.text !== undefined ? [node.text] : (node.content ?? []).flatMap(texts)

it('builds the starter outline from the need: title, objective, four lessons and a question', () => {
  const doc = new Y.Doc()
  createCourse(doc, { id: 'c1' as CourseId, title: 'Untitled' })
  const answered = need()
  fillStarterCourse(doc, answered)
  const course = readCourse(doc)
  expect(course.meta.title).toBe('Negotiating renewals')
  expect(course.meta.description).toBe('Close a renewal without giving a discount')
  const lessons = course.sections.flatMap((section) => section.lessons)
  expect(lessons.map((lesson) => lesson.title)).toEqual([
    'Introduction',
    'Key steps',
    'Check your understanding',
    'Summary',
  ])
  const [intro, , check] = lessons.map((lesson) => readLessonContent(doc, lesson.id))
  expect(texts(intro as ContentNode)).toEqual(
    expect.arrayContaining([
      'Close a renewal without giving a discount',
      'Account managers',
      'https://example.com/playbook',
    ]),
  )
  const question = (check?.content ?? []).find((node) => node.type === NODE.question)
  const attrs = question?.attrs as QuestionAttrs | undefined
  expect(attrs?.kind).toBe('single')
  expect(attrs?.id).toMatch(/^[A-Za-z0-9]{22}$/)
  expect(attrs?.choices.filter((choice) => choice.correct)).toHaveLength(1)
})
