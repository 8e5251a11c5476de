import { describe, expect, it } from 'vitest'
import type { Role } from '../../../shared/protocol/token'
import type { CourseAccess } from '../storage/course-store'
import { contentAccess } from './content-access'
import type { IdentityState } from './use-course-identity'

const editable: CourseAccess = { kind: 'editable' }
const tooNew: CourseAccess = { kind: 'read-only', reason: 'schema-too-new', version: 99 }
const as = (role: Role): IdentityState => ({
  status: 'known',
  identity: { me: { id: 'u', name: 'U' }, role },
})

describe('contentAccess', () => {
  it('lets authors edit and tells reviewers and viewers why they cannot', () => {
    expect(contentAccess(editable, as('author'))).toEqual({ editable: true, reason: null })
    expect(contentAccess(editable, as('reviewer'))).toEqual({ editable: false, reason: 'reviewer' })
    expect(contentAccess(editable, as('viewer'))).toEqual({ editable: false, reason: 'viewer' })
    expect(contentAccess(editable, as('learner'))).toEqual({ editable: false, reason: 'learner' })
  })

  it('keeps a course from a newer Chorus read-only whatever the role', () => {
    expect(contentAccess(tooNew, as('author'))).toEqual({ editable: false, reason: 'schema-too-new' })
    expect(contentAccess(tooNew, as('viewer'))).toEqual({ editable: false, reason: 'schema-too-new' })
  })

  it('waits for the role without a banner, and does not lock an author out when storage cannot tell', () => {
    expect(contentAccess(editable, { status: 'loading' })).toEqual({ editable: false, reason: null })
    expect(contentAccess(editable, { status: 'unknown' })).toEqual({ editable: true, reason: null })
  })
})
