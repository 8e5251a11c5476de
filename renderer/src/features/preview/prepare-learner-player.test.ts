import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, updateCourseSettings } from '../../../../shared/course/commands'
import { writeLessonContent } from '../../../../shared/course/content-io'
import type { CourseId } from '../../../../shared/course/types'
import { fakeChorusDb } from '../../storage/store-test-support'
import { learnerBridgeScript } from './learner-bridge'
import { prepareLearnerPlayer } from './prepare-learner-player'

const question = (id: string) => ({
  type: 'question',
  attrs: {
    id,
    kind: 'single',
    prompt: `Question ${id}`,
    choices: [
      { id: 'a', text: 'Yes', correct: true },
      { id: 'b', text: 'No', correct: false },
    ],
    feedbackCorrect: '',
    feedbackIncorrect: '',
  },
})

describe('prepareLearnerPlayer', () => {
  it('maps the player’s lesson and question indices to ids, with the bridge and without the player’s own reaction question', async () => {
    const doc = new Y.Doc()
    createCourse(doc, { id: 'c1' as CourseId, title: 'Soil' })
    updateCourseSettings(doc, { askLessonReactions: true })
    const first = addSection(doc, { title: 'One' })
    const second = addSection(doc, { title: 'Two' })
    const a = addLesson(doc, { sectionId: first, title: 'A' })
    const b = addLesson(doc, { sectionId: second, title: 'B' })
    writeLessonContent(doc, a, { type: 'doc', content: [question('qa1'), question('qa2')] })
    writeLessonContent(doc, b, { type: 'doc', content: [question('qb1')] })

    const result = await prepareLearnerPlayer(fakeChorusDb('chorus-learner-player').db, doc, b, () => {})
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.lessons).toEqual([
      { id: a, title: 'A' },
      { id: b, title: 'B' },
    ])
    expect(result.value.questionIds).toEqual(['qa1', 'qa2', 'qb1'])
    expect(result.value.html).toContain(learnerBridgeScript)
    expect(result.value.html).not.toContain('"askReactions"')
    expect(result.value.html).toContain(`"start":"${b}"`)
  })

  it('says so for a course that has no lessons yet (one just joined, before the relay sent it)', async () => {
    const result = await prepareLearnerPlayer(
      fakeChorusDb('chorus-learner-empty').db,
      new Y.Doc(),
      null,
      () => {},
    )
    expect(result.ok).toBe(false)
  })
})
