import { describe, expect, it } from 'vitest'
import { checkPassingScore } from './passing-score'

describe('checkPassingScore', () => {
  it('accepts whole percentages from 0 to 100, ignoring surrounding spaces', () => {
    expect(checkPassingScore('0')).toEqual({ ok: true, value: 0 })
    expect(checkPassingScore(' 80 ')).toEqual({ ok: true, value: 80 })
    expect(checkPassingScore('100')).toEqual({ ok: true, value: 100 })
    expect(checkPassingScore('007')).toEqual({ ok: true, value: 7 })
  })

  it('refuses anything else with a message that says what to enter', () => {
    for (const text of ['', '  ', '101', '-1', '80.5', '1e2', 'eighty', '80%', '1000']) {
      const check = checkPassingScore(text)
      expect(check.ok, text).toBe(false)
      if (!check.ok) expect(check.message).toMatch(/whole number from 0 to 100/)
    }
  })
})
