import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import { readTeam } from '../../../shared/team/read'
import { fillStarterCourse } from '../../../shared/team/starter-course'
import { registerTeamCourse } from '../../../shared/team/team-doc'
import type { NeedId, TeamActor } from '../../../shared/team/types'
import type { ChorusDb, TeamRow } from '../storage/db'
import { createCourse } from '../storage/library'
import { saveRelayLink } from '../sync/relay-links'

export interface AnswerInput {
  readonly db: ChorusDb
  /** The team's space, open on this device. */
  readonly teamDoc: Y.Doc
  readonly team: TeamRow
  readonly me: TeamActor
  readonly needId: NeedId
}

/**
 * Creates a team course that answers a need: a new course in the library with the starter outline built from the
 * need, a relay link with the team token (so it syncs, and the relay registers it to the team, the moment it
 * opens), and its entry in the team space (registered, linked to the need, the need In progress).
 */
export async function answerWithCourse({ db, teamDoc, team, me, needId }: AnswerInput): Promise<CourseId> {
  if (me.role === 'member') throw new RangeError('Only experts and leads answer a need with a course.')
  const need = readTeam(teamDoc, team.id).needs.find((candidate) => candidate.id === needId)
  if (need === undefined) throw new RangeError('This need is not on the board any more.')
  const courseId = await createCourse(db, { title: need.title, author: me.name }, (doc) =>
    fillStarterCourse(doc, need),
  )
  await saveRelayLink(db, { courseId, relayUrl: team.relayUrl, token: team.token })
  registerTeamCourse(teamDoc, me, { courseId, title: need.title, needId })
  return courseId
}
