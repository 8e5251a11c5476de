/** Who a connection's token says its holder is. */
export interface Identity {
  /** The token's `sub`. */
  readonly id: string
  /** The token's `name`. */
  readonly name: string
}

/** Where the app shows who someone is: `user` for presence and carets, `member` for mentions in comments. */
export const USER_FIELD = 'user'
export const MEMBER_FIELD = 'member'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A presence state's JSON text with the identity fields the app shows taken from the token, whatever the client
 * sent: `user.name` and `user.id` are set (its other fields, like `colour`, stay), and `member` becomes exactly
 * `{ id, name }`. Each only where the state has it, so a state without them is kept byte for byte; a `user`
 * that is not an object is replaced by `{ id, name }`. `state` is `json` parsed, already checked for size and
 * depth (see presence-frame.ts), so serialising it again is bounded.
 */
export const withIdentity = (state: unknown, json: string, who: Identity): string => {
  if (!isPlainObject(state) || !(Object.hasOwn(state, USER_FIELD) || Object.hasOwn(state, MEMBER_FIELD)))
    return json
  if (Object.hasOwn(state, USER_FIELD)) {
    const user = state[USER_FIELD]
    state[USER_FIELD] = isPlainObject(user) ? Object.assign(user, { name: who.name, id: who.id }) : { ...who }
  }
  if (Object.hasOwn(state, MEMBER_FIELD)) state[MEMBER_FIELD] = { id: who.id, name: who.name }
  return JSON.stringify(state)
}
