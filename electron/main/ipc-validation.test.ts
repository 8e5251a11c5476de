import { describe, expect, it } from 'vitest'
import { parseExternalUrl, parseFilters, parseSaveFileArgs } from './ipc-validation'

const filters = [{ name: 'Chorus course', extensions: ['chorus'] }]

describe('IPC argument validation', () => {
  it('accepts a well-formed save request', () => {
    const bytes = new Uint8Array([1, 2, 3])
    expect(parseSaveFileArgs({ suggestedName: 'Course.chorus', bytes, filters })).toEqual({
      ok: true,
      value: { suggestedName: 'Course.chorus', bytes, filters },
    })
  })

  it.each([
    ['no object', null],
    ['a path instead of a name', { suggestedName: '../../.bashrc', bytes: new Uint8Array(), filters }],
    ['an absolute path', { suggestedName: '/etc/passwd', bytes: new Uint8Array(), filters }],
    ['a Windows path', { suggestedName: 'C:\\x.chorus', bytes: new Uint8Array(), filters }],
    ['text instead of bytes', { suggestedName: 'a.zip', bytes: 'abc', filters }],
    [
      'bad filters',
      { suggestedName: 'a.zip', bytes: new Uint8Array(), filters: [{ name: 'x', extensions: ['*/..'] }] },
    ],
  ])('refuses %s', (_label, value) => {
    const result = parseSaveFileArgs(value)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid-argument')
  })

  it('checks file filters', () => {
    expect(parseFilters(filters).ok).toBe(true)
    expect(parseFilters('chorus').ok).toBe(false)
    expect(parseFilters([{ name: 'x' }]).ok).toBe(false)
  })

  it('opens only http(s) links externally', () => {
    expect(parseExternalUrl('https://example.com')).toEqual({ ok: true, value: 'https://example.com' })
    expect(parseExternalUrl('file:///etc/passwd').ok).toBe(false)
    expect(parseExternalUrl('smb://host/share').ok).toBe(false)
    expect(parseExternalUrl(42).ok).toBe(false)
  })
})
