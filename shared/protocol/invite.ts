import type { CourseId } from '../course/types'
import { err, ok, type Result } from '../errors'
import type { TeamId } from '../team/types'
import { isCourseId, isTeamId } from './rooms'

/**
 * An invite carries everything needed to join a shared course: the relay, the course and a token.
 *
 * Two equivalent forms, both with the same query (each value URL-encoded):
 *   chorus://join?relay=<ws url>&course=<course id>&token=<jwt>          opens the desktop app
 *   https://<where the web app is served>#/join?relay=…&course=…&token=…  opens the web app; the fragment
 *                                                                        never reaches a web server's logs
 * `parseInvite` accepts either, with surrounding whitespace (people paste them from chats).
 *
 * A team invite (issue 12) has the same two forms with `team=<team id>` in place of `course=…`; `parseJoinLink`
 * reads both kinds.
 */
export interface Invite {
  /** `ws://` or `wss://` URL of the relay, without a trailing slash. */
  readonly relay: string
  readonly courseId: CourseId
  readonly token: string
}

export interface TeamInvite {
  readonly relay: string
  readonly teamId: TeamId
  readonly token: string
}

/** What a pasted or opened link joins. */
export type JoinLink =
  | { readonly kind: 'course'; readonly invite: Invite }
  | { readonly kind: 'team'; readonly invite: TeamInvite }

const APP_PREFIX = 'chorus://join?'
const WEB_FRAGMENT = '#/join?'
const RELAY_URL = /^wss?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/

const query = ({ relay, courseId, token }: Invite): string =>
  `relay=${encodeURIComponent(relay)}&course=${encodeURIComponent(courseId)}&token=${encodeURIComponent(token)}`

const teamQuery = ({ relay, teamId, token }: TeamInvite): string =>
  `relay=${encodeURIComponent(relay)}&team=${encodeURIComponent(teamId)}&token=${encodeURIComponent(token)}`

const linkOf = (queryText: string, webApp: string | undefined): string =>
  webApp === undefined ? APP_PREFIX + queryText : webApp.replace(/#.*$/, '') + WEB_FRAGMENT + queryText

/** The `chorus://` form, or the web form when `webApp` (the web app's https URL) is given. */
export const formatInvite = (invite: Invite, webApp?: string): string => linkOf(query(invite), webApp)

/** A team invite's link, in the same two forms as `formatInvite`. */
export const formatTeamInvite = (invite: TeamInvite, webApp?: string): string =>
  linkOf(teamQuery(invite), webApp)

const invalid = (why: string): Result<never> =>
  err(
    'invalid-argument',
    `This is not a Chorus invite link: ${why}. Ask the person who invited you for a new link.`,
  )

const queryOf = (link: string): string | null => {
  if (link.startsWith(APP_PREFIX)) return link.slice(APP_PREFIX.length)
  if (!/^https?:\/\//i.test(link)) return null
  const at = link.indexOf(WEB_FRAGMENT)
  return at < 0 ? null : link.slice(at + WEB_FRAGMENT.length)
}

const decodeQuery = (text: string): Map<string, string> | null => {
  const params = new Map<string, string>()
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=')
    if (eq < 0) continue
    try {
      const decode = (part: string): string => decodeURIComponent(part.replace(/\+/g, ' '))
      params.set(decode(pair.slice(0, eq)), decode(pair.slice(eq + 1)))
    } catch {
      return null
    }
  }
  return params
}

/** Reads a course invite or a team invite. */
export const parseJoinLink = (text: string): Result<JoinLink> => {
  const link = text.trim()
  const rawQuery = queryOf(link)
  if (rawQuery === null)
    return invalid('it should start with chorus://join? or be a web link containing #/join?')
  const params = decodeQuery(rawQuery)
  if (params === null) return invalid('it is garbled (bad % escapes)')
  const relay = params.get('relay')?.replace(/\/+$/, '')
  const courseId = params.get('course')
  const teamId = params.get('team')
  const token = params.get('token')
  if (relay === undefined || !RELAY_URL.test(relay))
    return invalid('the relay address is missing or not a ws:// or wss:// URL')
  if (token === undefined || !JWT.test(token)) return invalid('the access token is missing or malformed')
  if (teamId !== undefined && courseId !== undefined) return invalid('it names both a course and a team')
  if (teamId !== undefined) {
    if (!isTeamId(teamId)) return invalid('the team id is malformed')
    return ok({ kind: 'team', invite: { relay, teamId, token } })
  }
  if (courseId === undefined || !isCourseId(courseId)) return invalid('the course id is missing or malformed')
  return ok({ kind: 'course', invite: { relay, courseId, token } })
}

/** Reads a course invite; a team invite is refused here, where only a course can be joined. */
export const parseInvite = (text: string): Result<Invite> => {
  const parsed = parseJoinLink(text)
  if (!parsed.ok) return parsed
  return parsed.value.kind === 'course'
    ? ok(parsed.value.invite)
    : invalid('it is a team invite, not a course invite; paste it in the library under "Join shared course"')
}
