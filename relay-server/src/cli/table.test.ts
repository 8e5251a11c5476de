import { describe, expect, it } from 'vitest'
import { formatTable, formatTime } from './table'

describe('token tables', () => {
  it('pads columns and neutralises control characters', () => {
    expect(
      formatTable(
        ['ID', 'NAME'],
        [
          ['1', 'Ada\nLovelace'],
          ['22', '\u001b[31mBo'],
        ],
      ),
    ).toBe(['ID  NAME', '1   Ada?Lovelace', '22  ?[31mBo'].join('\n'))
  })

  it('prints times in UTC to the second', () => {
    expect(formatTime(0)).toBe('1970-01-01 00:00:00Z')
  })
})
