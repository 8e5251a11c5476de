import { describe, expect, it } from 'vitest'
import { commandFailure } from './command-failure'

describe('commandFailure', () => {
  it('shows a refused input with the command’s own message, and anything else as a storage failure', () => {
    expect(commandFailure(new RangeError('Write something before posting.'))).toEqual({
      code: 'invalid-argument',
      message: 'Write something before posting.',
    })
    expect(commandFailure(Object.assign(new Error('full'), { name: 'QuotaExceededError' })).code).toBe(
      'storage-quota-exceeded',
    )
  })
})
