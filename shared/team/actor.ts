/**
 * Checks the team commands make before writing, so that nothing the relay's guard refuses (and closes the
 * connection over) is ever written. Each throws a RangeError whose message a user can act on.
 */
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, isUserId } from './entries'
import type { TeamActor, TeamPerson } from './types'
import type { TeamRole } from '../protocol/token'

/** The writer as every `by` records them: their id and exactly the name their invite carries. */
export const writerOf = (actor: TeamActor): TeamPerson => {
  if (!isUserId(actor.id))
    throw new RangeError('This team invite carries an unusable user id: ask your team lead for a new invite.')
  if (actor.name.length > MAX_NAME_LENGTH)
    throw new RangeError(
      `Your name on this team invite is longer than ${MAX_NAME_LENGTH} characters: ask your team lead for a new invite.`,
    )
  return { id: actor.id, name: actor.name }
}

/** Someone else the writer names (an assigned expert, a co-author): any name, cut to fit. */
export const namedPerson = (person: TeamPerson): TeamPerson => {
  if (!isUserId(person.id)) throw new RangeError(`"${person.name}" has no usable user id in this team.`)
  return { id: person.id, name: person.name.slice(0, MAX_NAME_LENGTH) }
}

const ROLE_NAMES: Readonly<Record<TeamRole, string>> = { member: 'members', expert: 'experts', lead: 'leads' }

/** Throws unless the actor's role is one of `roles`; `what` completes "Only … can …". */
export const requireRole = (actor: TeamActor, roles: readonly TeamRole[], what: string): void => {
  if (roles.includes(actor.role)) return
  const who = roles.map((role) => ROLE_NAMES[role]).join(' and ')
  throw new RangeError(`Only team ${who} can ${what}.`)
}

/** A title trimmed and cut to its limit; throws when nothing is left. */
export const titleText = (title: string, what: string): string => {
  const trimmed = title.trim().slice(0, MAX_TITLE_LENGTH).trim()
  if (trimmed.length === 0) throw new RangeError(`Give the ${what} a title.`)
  return trimmed
}

/** Free text trimmed and cut to its limit. */
export const longText = (text: string): string => text.trim().slice(0, MAX_TEXT_LENGTH)
