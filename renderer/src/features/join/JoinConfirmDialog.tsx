import type { CourseId } from '../../../../shared/course/types'
import type { Invite } from '../../../../shared/protocol/invite'
import type { ChorusDb } from '../../storage/db'
import { readTokenClaims } from '../../../../shared/protocol/token'
import { roleLabel } from '../../ui/role-label'
import { joinCourse } from './join-course'
import { JoinConfirmFrame } from './JoinConfirmFrame'
import { readJoinPlan, type JoinPlan } from './join-plan'
import { useJoinFlow } from './use-join-flow'

interface JoinConfirmDialogProps {
  readonly db: ChorusDb
  readonly invite: Invite
  readonly onJoined: (courseId: CourseId) => void
  /** Cancel, Escape: nothing was saved or sent. */
  readonly onCancel: () => void
}

/** What connecting would do to the course, in one sentence: read out as the dialog's description. */
const consequence = ({ course, invite }: JoinPlan): string => {
  switch (course.kind) {
    case 'new':
      return 'This course is not on this device yet. Connecting downloads it from this relay and sends it everything you write.'
    case 'local-only':
      return `“${course.title}” is on this device only. Connecting sends all of it (lessons, comments and media) to this relay.`
    case 'same-relay':
      return `“${course.title}” is already shared through this relay. Connecting replaces your access with this invite’s.`
    case 'other-relay':
      return (
        `“${course.title}” is shared through another relay, ${course.currentHost}. Connecting moves it: this relay ` +
        `receives all of it (lessons, comments and media) and can change or delete them. Connect only if you ` +
        `expected an invite that moves course ${invite.courseId}.`
      )
  }
}

const currentState = (plan: JoinPlan): string => {
  switch (plan.course.kind) {
    case 'new':
      return 'Not on this device'
    case 'local-only':
      return 'Only on this device'
    case 'same-relay':
      return `Shared through ${plan.relay.host}`
    case 'other-relay':
      return `Shared through another relay, ${plan.course.currentHost}`
  }
}

/**
 * The one question every join of a course asks, whether the invite was pasted, opened as a web link or as a
 * chorus:// link: the relay's host, the course and what connecting changes (see JoinConfirmFrame).
 */
export function JoinConfirmDialog({ db, invite, onJoined, onCancel }: JoinConfirmDialogProps) {
  const { plan, failure, joining, connect } = useJoinFlow(db, invite, readJoinPlan, joinCourse, onJoined)
  const course = plan?.course
  // Read, not checked (only the relay can): it says what the invite offers, the relay decides.
  const role = readTokenClaims(invite.token)?.role
  return (
    <JoinConfirmFrame
      connection={plan}
      consequence={plan ? consequence(plan) : undefined}
      reading="the course"
      carried="the course"
      facts={
        plan && (
          <>
            <dt>Course</dt>
            <dd>
              {course && course.kind !== 'new' && <strong>{course.title}</strong>}
              <code>{invite.courseId}</code>
            </dd>
            <dt>Now</dt>
            <dd>{currentState(plan)}</dd>
            {role !== undefined && (
              <>
                <dt>You join as</dt>
                <dd>
                  {role === 'learner'
                    ? 'pilot learner: you take the course and send its authors feedback'
                    : roleLabel(role)}
                </dd>
              </>
            )}
          </>
        )
      }
      problem={failure}
      canConnect={!joining}
      onConnect={connect}
      onCancel={onCancel}
    />
  )
}
