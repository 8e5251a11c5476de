import { describe, expect, it } from 'vitest'
import { questionAttrs } from '../../../../../shared/export/content-attrs'
import {
  newQuestion,
  questionProblems,
  readQuestion,
  withChoiceAdded,
  withChoiceRemoved,
  withChoiceText,
  withCorrect,
  withKind,
} from './question-model'

const filled = () => {
  const q = newQuestion('single')
  return withCorrect(withChoiceText(withChoiceText({ ...q, prompt: 'Pick one' }, 0, 'A'), 1, 'B'), 0, true)
}

describe('question model', () => {
  it('gives every new question its own id and fixed True/False choices for true/false', () => {
    expect(newQuestion().id).not.toBe(newQuestion().id)
    expect(newQuestion('true-false').choices.map((c) => [c.text, c.correct])).toEqual([
      ['True', true],
      ['False', false],
    ])
  })

  it('lists what keeps a question from learners, matching what the exporter skips', () => {
    const empty = newQuestion('single')
    expect(questionProblems(empty)).toEqual([
      'Write the question prompt.',
      'Give every choice some text.',
      'Mark at least one correct answer.',
    ])
    expect(questionAttrs({ type: 'question', attrs: { ...empty } })).toBeNull()
    const ready = filled()
    expect(questionProblems(ready)).toEqual([])
    expect(questionAttrs({ type: 'question', attrs: { ...ready } })).toEqual(ready)
    expect(questionProblems(withChoiceRemoved(ready, 1))).toEqual(['Add at least two choices.'])
  })

  it('keeps one correct answer for single choice and several for multiple', () => {
    const single = withCorrect(filled(), 1, true)
    expect(single.choices.map((c) => c.correct)).toEqual([false, true])
    const multiple = withCorrect(withKind(single, 'multiple'), 0, true)
    expect(multiple.choices.map((c) => c.correct)).toEqual([true, true])
    expect(withKind(multiple, 'single').choices.map((c) => c.correct)).toEqual([true, false])
    expect(withCorrect(multiple, 1, false).choices.map((c) => c.correct)).toEqual([true, false])
  })

  it('switches to and from true/false without losing the id', () => {
    const q = withChoiceAdded(filled())
    const tf = withKind(q, 'true-false')
    expect(tf.id).toBe(q.id)
    expect(tf.choices.map((c) => c.text)).toEqual(['True', 'False'])
    expect(withChoiceAdded(tf)).toBe(tf)
    expect(withChoiceText(tf, 0, 'Yes')).toBe(tf)
    const back = withKind(withCorrect(tf, 1, true), 'single')
    expect(back.choices.map((c) => [c.text, c.correct])).toEqual([
      ['True', false],
      ['False', true],
    ])
  })

  it('reads stored attrs defensively', () => {
    const q = readQuestion({ id: 'x', kind: 'bogus', choices: [{ text: 'A', correct: 'yes' }, 7], prompt: 3 })
    expect(q.kind).toBe('single')
    expect(q.prompt).toBe('')
    expect(q.choices).toHaveLength(1)
    expect(q.choices[0]?.correct).toBe(false)
    expect(q.choices[0]?.id).not.toBe('')
  })
})
