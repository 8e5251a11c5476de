import * as Y from 'yjs'
import type { CourseId } from '../../../../shared/course/types'
import type { Invite } from '../../../../shared/protocol/invite'
import type { ChorusDb } from '../../storage/db'
import { getLibraryEntry, importCourseUpdate } from '../../storage/library'
import { saveRelayLink } from '../../sync/relay-links'

/** Shown in the library until the relay has sent the course's real title. */
const PLACEHOLDER_TITLE = 'Shared course'

/**
 * Adds a shared course to the library (an empty document the relay fills once the course opens) and remembers
 * how to reach it. Joining a course already here only replaces its relay and token: its content stays.
 * Called only once the user confirmed the join (JoinConfirmDialog): it points the course at the invite's relay.
 */
export async function joinCourse(db: ChorusDb, invite: Invite): Promise<CourseId> {
  const existing = await getLibraryEntry(db, invite.courseId)
  if (existing === undefined) {
    await importCourseUpdate(db, invite.courseId, Y.encodeStateAsUpdate(new Y.Doc()), PLACEHOLDER_TITLE)
  }
  await saveRelayLink(db, { courseId: invite.courseId, relayUrl: invite.relay, token: invite.token })
  return invite.courseId
}
