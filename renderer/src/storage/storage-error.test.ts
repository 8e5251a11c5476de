import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { chorusFailure, toStorageError } from './storage-error'

describe('toStorageError', () => {
  it('finds a quota error however deep Dexie wrapped it', () => {
    const quota = new DOMException('full', 'QuotaExceededError')
    expect(toStorageError(quota).code).toBe('storage-quota-exceeded')
    expect(toStorageError(new Dexie.AbortError('aborted', quota)).code).toBe('storage-quota-exceeded')
    expect(toStorageError(new Dexie.BulkError('bulk', { 0: quota })).code).toBe('storage-quota-exceeded')
  })

  it('maps a closed, blocked or newer database to storage-blocked', () => {
    expect(toStorageError(new Dexie.DatabaseClosedError()).code).toBe('storage-blocked')
    expect(
      toStorageError(new Dexie.OpenFailedError('open', new DOMException('v', 'VersionError'))).code,
    ).toBe('storage-blocked')
  })

  it('maps anything else to storage-failed and names the cause', () => {
    const error = toStorageError(new TypeError('boom'))
    expect(error.code).toBe('storage-failed')
    expect(error.message).toContain('TypeError: boom')
  })

  it('passes an already mapped error through, but not a foreign error that happens to have a string code', () => {
    expect(toStorageError(chorusFailure({ code: 'course-not-found', message: 'gone' }))).toEqual({
      code: 'course-not-found',
      message: 'gone',
    })
    expect(toStorageError({ code: 'schema-too-new', message: 'newer' })).toEqual({
      code: 'schema-too-new',
      message: 'newer',
    })
    expect(toStorageError(Object.assign(new Error('x'), { code: 'ENOSPC' })).code).toBe('storage-failed')
  })
})
