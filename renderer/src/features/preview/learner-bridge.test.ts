import { describe, expect, it } from 'vitest'
import {
  ANSWER_MESSAGE,
  LESSON_MESSAGE,
  learnerBridgeScript,
  readLearnerMessage,
  withLearnerBridge,
} from './learner-bridge'

describe('the learner bridge', () => {
  it('goes last in the player page’s body, after the player has started', () => {
    const page = withLearnerBridge('<html><body><script>player()</script></body></html>')
    expect(page).toBe(
      `<html><body><script>player()</script><script>${learnerBridgeScript}</script>\n</body></html>`,
    )
  })

  it('accepts only the messages it sends, with whole indices', () => {
    expect(readLearnerMessage({ type: LESSON_MESSAGE, lesson: 2 })).toEqual({
      type: LESSON_MESSAGE,
      lesson: 2,
    })
    expect(readLearnerMessage({ type: ANSWER_MESSAGE, lesson: 0, question: 1, correct: false })).toEqual({
      type: ANSWER_MESSAGE,
      lesson: 0,
      question: 1,
      correct: false,
    })
    for (const junk of [
      null,
      'chorus-preview:escape',
      { type: LESSON_MESSAGE, lesson: -1 },
      { type: LESSON_MESSAGE, lesson: 1.5 },
      { type: ANSWER_MESSAGE, lesson: 0, question: 1, correct: 'yes' },
      { type: ANSWER_MESSAGE, lesson: 0, correct: true },
      { type: 'other', lesson: 0 },
    ])
      expect(readLearnerMessage(junk)).toBeNull()
  })
})
