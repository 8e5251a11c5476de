import { canWrite } from '../../../shared/protocol/rooms'
import type { CourseAccess } from '../storage/course-store'
import type { IdentityState } from './use-course-identity'

/** Why the course's content cannot be changed here; each reason has its own banner. */
export type ReadOnlyReason = 'schema-too-new' | 'reviewer' | 'viewer' | 'learner'

export interface ContentAccess {
  readonly editable: boolean
  /** Null when editable, and while the role is still being read (no banner flashes for authors). */
  readonly reason: ReadOnlyReason | null
}

/**
 * Whether this user may change the course's content: the stored copy must be one this Chorus understands and
 * the role must be an author's. If storage cannot tell the role, editing stays on: the relay enforces roles,
 * so an author is not locked out by a local hiccup and nobody gains anything.
 */
export function contentAccess(store: CourseAccess, identity: IdentityState): ContentAccess {
  if (store.kind === 'read-only') return { editable: false, reason: store.reason }
  switch (identity.status) {
    case 'loading':
      return { editable: false, reason: null }
    case 'unknown':
      return { editable: true, reason: null }
    case 'known': {
      const { role } = identity.identity
      // (Every author may write content; naming the role too lets the compiler see only the others are left.)
      if (role === 'author' || canWrite(role, 'content')) return { editable: true, reason: null }
      // Each read-only role has its own reason: a pilot learner is not told they are a viewer.
      return { editable: false, reason: role }
    }
  }
}
