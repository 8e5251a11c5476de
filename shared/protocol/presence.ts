/**
 * What a Chorus client puts in its presence (a y-protocols awareness state) in a course's rooms, written once for
 * the app, which announces and reads it, and the relay, which sets the identity fields from the token. Field names
 * are the wire format: never rename them. Awareness states come from other clients, so they are read as unknown
 * and only well-formed fields are kept.
 */

/** Who is at this caret: `user` for presence and carets. */
export const USER_FIELD = 'user'
/** Who can be mentioned in comments: `member`. */
export const MEMBER_FIELD = 'member'
/** The lesson this person has open. */
export const LESSON_FIELD = 'lessonId'

/** Who a connection's token says its holder is; the relay writes it into `user` and `member`. */
export interface PresenceIdentity {
  /** The token's `sub`: stable across devices and reloads. */
  readonly id: string
  /** The token's `name`. */
  readonly name: string
}

/** The `user` field. */
export interface PresenceUser {
  /** Absent only from a relay in open mode (no tokens), which leaves states as sent. */
  readonly id?: string
  readonly name: string
  /** The colour this person chose, a CSS hex colour: what they prefer, not necessarily what others see. */
  readonly colour: string
}

/** One client's presence, as far as it is well formed. */
export interface PresenceState {
  readonly user: PresenceUser | null
  readonly member: PresenceIdentity | null
  readonly lessonId: string | null
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== ''

/** The `user` field if well formed: a name and a colour, and an id if it has a non-empty one. */
export const parsePresenceUser = (value: unknown): PresenceUser | null => {
  if (!isPlainObject(value) || typeof value.name !== 'string' || typeof value.colour !== 'string') return null
  const { id, name, colour } = value
  return nonEmpty(id) ? { id, name, colour } : { name, colour }
}

/** The `member` field if well formed: a non-empty id and a name. */
export const parsePresenceMember = (value: unknown): PresenceIdentity | null =>
  isPlainObject(value) && nonEmpty(value.id) && typeof value.name === 'string'
    ? { id: value.id, name: value.name }
    : null

/** Reads another client's awareness state; fields that are missing or malformed read as null. */
export const parsePresenceState = (state: unknown): PresenceState => {
  if (!isPlainObject(state)) return { user: null, member: null, lessonId: null }
  const lessonId = state[LESSON_FIELD]
  return {
    user: parsePresenceUser(state[USER_FIELD]),
    member: parsePresenceMember(state[MEMBER_FIELD]),
    lessonId: nonEmpty(lessonId) ? lessonId : null,
  }
}

/**
 * A state (already parsed from `json`) with its identity fields taken from the token, whatever the client sent:
 * `user.name` and `user.id` are set (its other fields, like `colour`, stay), and `member` becomes exactly
 * `{ id, name }`. Each only where the state has it, so a state without them is returned as `json`, byte for byte;
 * a `user` that is not an object is replaced by `{ id, name }`. Changes `state` in place.
 */
export const withIdentity = (state: unknown, json: string, who: PresenceIdentity): string => {
  if (!isPlainObject(state) || !(Object.hasOwn(state, USER_FIELD) || Object.hasOwn(state, MEMBER_FIELD)))
    return json
  if (Object.hasOwn(state, USER_FIELD)) {
    const user = state[USER_FIELD]
    state[USER_FIELD] = isPlainObject(user)
      ? Object.assign(user, { name: who.name, id: who.id })
      : { id: who.id, name: who.name }
  }
  if (Object.hasOwn(state, MEMBER_FIELD)) state[MEMBER_FIELD] = { id: who.id, name: who.name }
  return JSON.stringify(state)
}
