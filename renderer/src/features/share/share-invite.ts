import type { CourseId } from '../../../../shared/course/types'
import { err, type Result } from '../../../../shared/errors'
import { parseInvite, type Invite } from '../../../../shared/protocol/invite'

/** The command a relay admin runs to mint an author invite for this course (see relay-server/src/cli/token.ts). */
export const inviteCommand = (courseId: CourseId): string =>
  `npm run relay -- token --course ${courseId} --role author --name NAME --invite URL`

/**
 * A pasted invite, accepted only for this course: an invite for another course would attach this course's content
 * to someone else's room.
 */
export const inviteFor = (courseId: CourseId, text: string): Result<Invite> => {
  const parsed = parseInvite(text)
  if (!parsed.ok || parsed.value.courseId === courseId) return parsed
  return err(
    'invalid-argument',
    `This invite is for another course (${parsed.value.courseId}), not this one (${courseId}). ` +
      `Ask for an invite made with --course ${courseId}.`,
  )
}
