import type { CourseId } from '../../../shared/course/types'
import type {
  CourseState,
  NeedFields,
  NeedId,
  NeedStatus,
  TeamActor,
  TeamId,
  TeamPerson,
  TeamSnapshot,
} from '../../../shared/team/types'
import type { ConnectionStatus } from '../sync/course-sync'

/**
 * What the team screens (needs board, catalog, For me) get from an open team space: who I am in it, the latest
 * snapshot, how it stands with the relay, and the commands, already bound to me. Each command writes to the
 * team document on this device at once (offline too) and syncs through the relay; each throws a RangeError for
 * input the relay would refuse (e.g. an empty title), with a message to show.
 */
export interface TeamSession {
  readonly teamId: TeamId
  readonly me: TeamActor
  readonly snapshot: TeamSnapshot
  /** Null until the relay link is read. */
  readonly connection: ConnectionStatus | null
  readonly commands: TeamCommands
}

export interface TeamCommands {
  declareNeed(fields: NeedFields): NeedId
  /** The declarer or a lead. */
  editNeed(needId: NeedId, fields: NeedFields): void
  /** "Me too" on (true) or off (false); each person counts once. */
  vote(needId: NeedId, on: boolean): void
  /** Posts to the need's discussion; `mentions` are the ids of the members `@named` in the text. */
  post(needId: NeedId, text: string, mentions: readonly string[]): void
  /** Experts and leads: claim for myself (on) or drop my claim (off). */
  claim(needId: NeedId, on: boolean): void
  /** Leads: assign an expert (a claim on their behalf), or take the assignment back. */
  assign(needId: NeedId, expert: TeamPerson, on: boolean): void
  /** Moves the status; a move back to an earlier status is deliberate and wins over concurrent moves forward. */
  setStatus(needId: NeedId, status: NeedStatus): void
  /** Leads: merges a duplicate into another need (votes and discussion shown there). */
  merge(duplicate: NeedId, into: NeedId): void
  /**
   * Experts and leads: creates a team course prefilled from the need (title, the objective, a starter outline),
   * stores it on this device, registers it in the team, links it both ways, moves the need to In progress and
   * resolves to its id once it is stored.
   */
  answerWithCourse(needId: NeedId): Promise<CourseId>
  /** Experts and leads: draft / review; leads: published (which moves its needs to Published). */
  setCourseState(courseId: CourseId, state: CourseState): void
  /** Leads: the team's display name. */
  rename(name: string): void
}
