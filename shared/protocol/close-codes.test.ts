import { describe, expect, it } from 'vitest'
import { CloseCode, isRefusedForGood, refusalAdvice, UpgradeStatus } from './close-codes'

describe('refusals', () => {
  it('treats a bad room, a token the relay does not accept and a token for something else as refused for good', () => {
    expect([400, 401, 403].map(isRefusedForGood)).toEqual([true, true, true])
    // The relay closing or a room it cannot read now, and anything that is no refusal at all: try again later.
    expect([200, 404, 500, 503].map(isRefusedForGood)).toEqual([false, false, false, false])
  })

  it('says what to do after an upgrade refused for good, in other words than for any close code', () => {
    const upgradeAdvice = Object.values(UpgradeStatus).map(refusalAdvice)
    expect(upgradeAdvice[1]).toMatch(/does not accept your invite.*new invite/)
    expect(upgradeAdvice[2]).toMatch(/not yet published/)
    expect(new Set(upgradeAdvice).size).toBe(upgradeAdvice.length)
    for (const code of Object.values(CloseCode)) expect(upgradeAdvice).not.toContain(refusalAdvice(code))
  })
})
