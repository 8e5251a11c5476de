import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import {
  declareNeed,
  editNeed,
  mergeNeed,
  postToNeed,
  renameTeam,
  setClaim,
  setCourseState,
  setNeedStatus,
  setVote,
} from '../../../shared/team/team-doc'
import type { NeedId, TeamActor } from '../../../shared/team/types'
import type { TeamCommands } from './team-session'

/** The team document's commands with the document and me filled in, as the team screens call them. */
export const bindTeamCommands = (
  doc: Y.Doc,
  me: TeamActor,
  answer: (needId: NeedId) => Promise<CourseId>,
): TeamCommands => ({
  declareNeed: (fields) => declareNeed(doc, me, fields),
  editNeed: (needId, fields) => editNeed(doc, me, needId, fields),
  vote: (needId, on) => setVote(doc, me, needId, on),
  post: (needId, text, mentions) => void postToNeed(doc, me, needId, text, mentions),
  claim: (needId, on) => setClaim(doc, me, needId, { id: me.id, name: me.name }, on),
  assign: (needId, expert, on) => setClaim(doc, me, needId, expert, on),
  setStatus: (needId, status) => setNeedStatus(doc, me, needId, status),
  merge: (duplicate, into) => mergeNeed(doc, me, duplicate, into),
  answerWithCourse: answer,
  setCourseState: (courseId, state) => setCourseState(doc, me, courseId, state),
  rename: (name) => renameTeam(doc, me, name),
})
