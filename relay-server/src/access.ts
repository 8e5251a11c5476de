import type { CourseId } from '../../shared/course/types'
import type { Result } from '../../shared/errors'
import { UpgradeStatus } from '../../shared/protocol/close-codes'
import { ROOM_KINDS, roomName, teamRoomName } from '../../shared/protocol/rooms'
import { teamCourseRole } from '../../shared/protocol/team-access'
import { isTeamClaims, type TeamTokenClaims, type TokenClaims } from '../../shared/protocol/token'
import { courseStateOf } from '../../shared/team/read'
import type { TeamId } from '../../shared/team/types'
import type { AuthRefusal, TokenVerifier } from './auth'
import type { Logger } from './log'
import type { Room } from './room'
import { writesDone } from './room-writes'
import type { Refusal, Rooms } from './rooms'
import type { CourseTeamRegistry } from './teams/course-team-registry'

/** Why access was refused: as the token check says, or 503 when a room it depends on cannot be read now. */
export interface AccessRefusal {
  readonly status: AuthRefusal['status'] | 503
  readonly reason: string
}

/**
 * Who may open what, decided from the token alone for course tokens and, for team tokens (issue 12), from the
 * course→team registry and the team's space. Used at the WebSocket upgrade (admission.ts) and by the media routes.
 */
export interface Access {
  /**
   * The claims a course's rooms and media see: a course token's own, or a team token's turned into the course
   * role its team role grants there (`teamCourseRole`), with the token's user, name, expiry and id.
   */
  course(token: string | null, courseId: CourseId): Promise<Result<TokenClaims, AccessRefusal>>
  /** A team's space opens only to a team token of that team, whatever its team role. */
  team(token: string | null, teamId: TeamId): Promise<Result<TeamTokenClaims, AccessRefusal>>
}

const forbidden = (reason: string): Result<never, AccessRefusal> => ({
  ok: false,
  error: { status: UpgradeStatus.Forbidden, reason },
})

/**
 * The one answer to a team token for a course that is not its team's, whatever the reason (registered to another
 * team, existing outside any team, or not registered while the token is a member's): different answers would tell
 * a token holder who learned a course id whether that course exists on the relay and whether a team holds it.
 * The log says which it was.
 */
export const NOT_TEAMS_COURSE =
  'this course is not one of your team’s courses: open your team’s courses from the team catalog, or join this one with an invite from its author'

const unavailable = (refusal: Refusal): Result<never, AccessRefusal> => ({
  ok: false,
  error: { status: 503, reason: `${refusal.reason}; try again shortly` },
})

/** Whether the room's document holds nothing, stored or applied (writes in progress included). */
const isEmptyRoom = async (room: Room): Promise<boolean> => {
  await writesDone(room)
  return room.storedRows === 0 && room.doc.store.clients.size === 0
}

export const createAccess = (
  verify: TokenVerifier,
  registry: CourseTeamRegistry,
  rooms: Pick<Rooms, 'open'>,
  log: Logger,
): Access => {
  /**
   * True when none of the course's rooms holds anything on this relay (media alone, without a document that
   * shows it, is no course). Rooms are opened through the relay's rooms, as a connection would.
   */
  const holdsNothing = async (courseId: CourseId): Promise<Result<boolean, AccessRefusal>> => {
    for (const kind of ROOM_KINDS) {
      const opened = await rooms.open(roomName({ courseId, kind }))
      if (!opened.ok) return unavailable(opened.error)
      if (!(await isEmptyRoom(opened.value))) return { ok: true, value: false }
    }
    return { ok: true, value: true }
  }

  /** Whether the team's space marks the course published: read from the team room's document as it is now. */
  const isPublished = async (teamId: TeamId, courseId: CourseId): Promise<Result<boolean, AccessRefusal>> => {
    const opened = await rooms.open(teamRoomName(teamId))
    if (!opened.ok) return unavailable(opened.error)
    await writesDone(opened.value)
    return { ok: true, value: courseStateOf(opened.value.doc, courseId) === 'published' }
  }

  const notTeamsCourse = (
    claims: TeamTokenClaims,
    courseId: CourseId,
    why: 'another-team' | 'outside-any-team' | 'unregistered',
  ): Result<never, AccessRefusal> => {
    log.info(
      {
        event: 'team-course-refused',
        course: courseId,
        team: claims.team,
        user: claims.sub,
        role: claims.role,
        why,
      },
      'team token refused a course that is not its team’s',
    )
    return forbidden(NOT_TEAMS_COURSE)
  }

  /** The team the course belongs to, registering it to the token's team when that is allowed. */
  const ownerFor = async (
    claims: TeamTokenClaims,
    courseId: CourseId,
  ): Promise<Result<TeamId, AccessRefusal>> => {
    const owner = await registry.teamOf(courseId)
    if (owner !== null) return { ok: true, value: owner }
    if (claims.role === 'member') return notTeamsCourse(claims, courseId, 'unregistered')
    const empty = await holdsNothing(courseId)
    if (!empty.ok) return empty
    // Else a team token could take over anyone's course: an existing course is joined with its own invite.
    if (!empty.value) return notTeamsCourse(claims, courseId, 'outside-any-team')
    const team = claims.team as TeamId
    const claimed = await registry.claim(courseId, team)
    if (claimed === team)
      log.info(
        { event: 'course-registered', course: courseId, team, user: claims.sub, role: claims.role },
        'new course registered to the team of the token that opened it',
      )
    return { ok: true, value: claimed }
  }

  return {
    async course(token, courseId) {
      const checked = await verify(token, courseId)
      if (!checked.ok) return checked
      const claims = checked.value
      if (!isTeamClaims(claims)) return { ok: true, value: claims }
      const owner = await ownerFor(claims, courseId)
      if (!owner.ok) return owner
      if (owner.value !== claims.team) return notTeamsCourse(claims, courseId, 'another-team')
      let published = false
      if (claims.role === 'member') {
        const read = await isPublished(owner.value, courseId)
        if (!read.ok) return read
        published = read.value
      }
      const role = teamCourseRole(claims.role, published)
      if (role === null)
        return forbidden('this team course is not published yet; members read it once a lead publishes it')
      const { sub, name, exp, iat, jti } = claims
      const course: TokenClaims = {
        sub,
        name,
        course: courseId,
        role,
        exp,
        ...(iat === undefined ? {} : { iat }),
        ...(jti === undefined ? {} : { jti }),
      }
      return { ok: true, value: course }
    },

    async team(token, teamId) {
      const checked = await verify(token, null)
      if (!checked.ok) return checked
      const claims = checked.value
      if (!isTeamClaims(claims))
        return forbidden('a course token does not open a team space; join the team with a team invite')
      if (claims.team !== teamId) return forbidden('token is for another team')
      return { ok: true, value: claims }
    },
  }
}
