import type { CourseId } from '../course/types'
import { err, ok, type Result } from '../errors'
import { isCourseId } from './rooms'

/**
 * An invite carries everything needed to join a shared course: the relay, the course and a token.
 *
 * Two equivalent forms, both with the same query (each value URL-encoded):
 *   chorus://join?relay=<ws url>&course=<course id>&token=<jwt>          opens the desktop app
 *   https://<where the web app is served>#/join?relay=…&course=…&token=…  opens the web app; the fragment
 *                                                                        never reaches a web server's logs
 * `parseInvite` accepts either, with surrounding whitespace (people paste them from chats).
 */
export interface Invite {
  /** `ws://` or `wss://` URL of the relay, without a trailing slash. */
  readonly relay: string
  readonly courseId: CourseId
  readonly token: string
}

const APP_PREFIX = 'chorus://join?'
const WEB_FRAGMENT = '#/join?'
const RELAY_URL = /^wss?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/

const query = ({ relay, courseId, token }: Invite): string =>
  `relay=${encodeURIComponent(relay)}&course=${encodeURIComponent(courseId)}&token=${encodeURIComponent(token)}`

/** The `chorus://` form, or the web form when `webApp` (the web app's https URL) is given. */
export const formatInvite = (invite: Invite, webApp?: string): string =>
  webApp === undefined
    ? APP_PREFIX + query(invite)
    : webApp.replace(/#.*$/, '') + WEB_FRAGMENT + query(invite)

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

export const parseInvite = (text: string): Result<Invite> => {
  const link = text.trim()
  const rawQuery = queryOf(link)
  if (rawQuery === null)
    return invalid('it should start with chorus://join? or be a web link containing #/join?')
  const params = decodeQuery(rawQuery)
  if (params === null) return invalid('it is garbled (bad % escapes)')
  const relay = params.get('relay')?.replace(/\/+$/, '')
  const courseId = params.get('course')
  const token = params.get('token')
  if (relay === undefined || !RELAY_URL.test(relay))
    return invalid('the relay address is missing or not a ws:// or wss:// URL')
  if (courseId === undefined || !isCourseId(courseId)) return invalid('the course id is missing or malformed')
  if (token === undefined || !JWT.test(token)) return invalid('the access token is missing or malformed')
  return ok({ relay, courseId, token })
}
