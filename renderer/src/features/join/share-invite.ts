import type { CourseId } from '../../../../shared/course/types'
import { err, type Result } from '../../../../shared/errors'
import { parseInvite, type Invite } from '../../../../shared/protocol/invite'
import type { Person } from '../../../../shared/review/types'

/** A POSIX shell word: names have spaces and apostrophes. */
const shellWord = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`

/**
 * The command a relay admin runs to mint an author invite for this course (see relay-server/src/cli/token.ts).
 * It carries this device's user id: comments written before sharing name that id as their author, and the relay
 * lets only a comment's author change it, so the invite must be for the same user. The name is the one the relay
 * will show co-authors.
 */
export const inviteCommand = (courseId: CourseId, me: Person): string =>
  `npm run relay -- token --course ${courseId} --role author --name ${shellWord(me.name)} --user ${me.id} --invite URL`

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
