import { describe, expect, it } from 'vitest'
import { statusesAllowed } from './status-rights'

describe('who may move a need to which status', () => {
  it('lets whoever declared a need reopen or close it, whatever their role', () => {
    expect([...statusesAllowed('member', true)].sort()).toEqual(['closed', 'open'])
    expect([...statusesAllowed('expert', true)].sort()).toEqual(['claimed', 'closed', 'in-progress', 'open'])
  })

  it('gives a member nothing on a need of someone else, an expert the working statuses, a lead all', () => {
    expect(statusesAllowed('member', false).size).toBe(0)
    expect([...statusesAllowed('expert', false)].sort()).toEqual(['claimed', 'in-progress', 'open'])
    expect(statusesAllowed('lead', false).size).toBe(6)
  })
})
