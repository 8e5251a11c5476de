import { useEffect, useState } from 'react'
import type { CourseId } from '../../../shared/course/types'
import { onRelayLinkSaved } from './relay-links'

/**
 * A number that changes each time the course's relay link is saved (joined, shared, re-pointed): everything that
 * depends on the link — content sync, comment sync, who the user is — lists it as an effect dependency, so it
 * follows the new link at once instead of on the next open.
 */
export function useRelayLinkVersion(courseId: CourseId): number {
  const [version, setVersion] = useState(0)
  useEffect(
    () => onRelayLinkSaved((saved) => saved === courseId && setVersion((current) => current + 1)),
    [courseId],
  )
  return version
}
