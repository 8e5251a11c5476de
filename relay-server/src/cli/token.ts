import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { formatInvite, formatTeamInvite, parseJoinLink } from '../../../shared/protocol/invite'
import { isCourseId, isTeamId, teamRoomName } from '../../../shared/protocol/rooms'
import type { Result } from '../../../shared/errors'
import {
  ANY_COURSE,
  isRole,
  isTeamRole,
  ROLES,
  TEAM_ROLES,
  type Role,
  type TeamRole,
} from '../../../shared/protocol/token'
import type { TeamId } from '../../../shared/team/types'
import { mintToken, secretFromEnv, type TokenRequest } from '../auth'
import { TOKENS_FILE } from '../tokens/registry'
import { parseDuration } from './duration'
import { withRegistryAt } from './registry-at'
import { STORE_FLAGS_HELP, storeLocationFrom } from './store-location'

/** A token is revocable, but one that outlives its holder's role by years should not be minted at all. */
export const MAX_TTL_DAYS = 365
const MAX_TTL_SECONDS = MAX_TTL_DAYS * 86_400

export const TOKEN_USAGE = `Usage: npm run relay -- token (--course ID --role ${ROLES.join('|')} | --team ID --role ${TEAM_ROLES.join('|')}) --name NAME [--ttl 30d] [--user ID] [--invite ws://HOST:PORT] [--data relay-data | --postgres URL]
Prints a token alone on one line, or with --invite an invite link (chorus://join?relay=…&course=…&token=…, or
team=… for a team). --course * grants every course (not with --invite).
--team mints a team token: it opens the team's space, and the team's courses by role: a member reads a course
once a lead publishes it; an expert or lead writes them, and registers a new course to the team by opening it.
--ttl takes s, m, h, d or w, at most ${MAX_TTL_DAYS}d.
--user defaults to a new random id. Needs CHORUS_RELAY_SECRET, the same secret the relay runs with.
Records the token (its id, user, name, course or team:ID, role and expiry; never the token itself) in the relay's
token registry, so that \`npm run relay -- tokens\` lists it and \`npm run relay -- revoke\` can revoke it: in
<data>/${TOKENS_FILE}, or in PostgreSQL when the relays run on it.
${STORE_FLAGS_HELP}`

const options = {
  course: { type: 'string' },
  team: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  ttl: { type: 'string', default: '30d' },
  user: { type: 'string' },
  invite: { type: 'string' },
  data: { type: 'string' },
  postgres: { type: 'string' },
  help: { type: 'boolean' },
} as const

/** What the token opens: one course (or every one, `*`) with a course role, or a team with a team role. */
type Scope =
  | { readonly kind: 'course'; readonly course: string; readonly role: Role }
  | { readonly kind: 'team'; readonly team: TeamId; readonly role: TeamRole }

/** The scope the flags ask for, or what is wrong with them. */
const scopeFrom = (
  course: string | undefined,
  team: string | undefined,
  role: string | undefined,
): Result<Scope, string> => {
  if (course !== undefined && team !== undefined)
    return { ok: false, error: 'give --course for a course token or --team for a team token, not both' }
  if (team !== undefined) {
    if (!isTeamId(team)) return { ok: false, error: '--team must be a team id (letters, digits, _ and -)' }
    if (!isTeamRole(role))
      return { ok: false, error: `--role must be one of ${TEAM_ROLES.join(', ')} with --team` }
    return { ok: true, value: { kind: 'team', team, role } }
  }
  if (course === undefined || (course !== ANY_COURSE && !isCourseId(course)))
    return {
      ok: false,
      error: '--course must be a course id (letters, digits, _ and -) or *; or give --team',
    }
  if (!isRole(role)) return { ok: false, error: `--role must be one of ${ROLES.join(', ')} with --course` }
  return { ok: true, value: { kind: 'course', course, role } }
}

/** The invite link for the token, or why the app would not accept one for this scope or relay URL. */
const inviteFor = (scope: Scope, relayUrl: string, token: string): Result<string, string> => {
  const relay = relayUrl.replace(/\/+$/, '')
  let link: string
  if (scope.kind === 'team') link = formatTeamInvite({ relay, teamId: scope.team, token })
  else if (isCourseId(scope.course)) link = formatInvite({ relay, courseId: scope.course, token })
  else return { ok: false, error: '--invite needs one course id, not *' }
  // Round-trip through the parser the app uses, so a bad relay URL fails here rather than in an invitee's app.
  return parseJoinLink(link).ok
    ? { ok: true, value: link }
    : { ok: false, error: `--invite must be the relay's ws:// or wss:// URL, got "${relayUrl}"` }
}

const fail = (message: string): number => {
  console.error(`chorus relay token: ${message}`)
  return 2
}

/**
 * `npm run relay -- token …`: records the token in the registry, then prints it (or the invite) on stdout and
 * nothing else; returns the exit code.
 */
export const runTokenCommand = async (argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> => {
  let values
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${TOKEN_USAGE}`)
  }
  if (values.help === true) {
    console.log(TOKEN_USAGE)
    return 0
  }
  const secret = secretFromEnv(env)
  if (!secret.ok) return fail(secret.error)
  const { course, team, role, name, ttl, user, invite } = values
  const location = storeLocationFrom(values, env)
  if (!location.ok) return fail(`${location.error.message}\n${TOKEN_USAGE}`)
  const scope = scopeFrom(course, team, role)
  if (!scope.ok) return fail(`${scope.error}\n${TOKEN_USAGE}`)
  if (name === undefined || name.trim() === '')
    return fail(`--name is required (the person's display name)\n${TOKEN_USAGE}`)
  const ttlSeconds = parseDuration(ttl)
  if (ttlSeconds === null) return fail(`--ttl must look like 90s, 15m, 12h, 30d or 2w, got "${ttl}"`)
  if (ttlSeconds > MAX_TTL_SECONDS)
    return fail(
      `--ttl may be at most ${MAX_TTL_DAYS}d (a year), got "${ttl}"; mint a new token when it expires`,
    )

  const issuedAt = Math.floor(Date.now() / 1000)
  const person = { id: randomUUID(), user: user ?? randomUUID(), name: name.trim(), ttlSeconds }
  const request: TokenRequest =
    scope.value.kind === 'team'
      ? { ...person, team: scope.value.team, role: scope.value.role }
      : { ...person, course: scope.value.course, role: scope.value.role }
  const minted = {
    id: person.id,
    user: person.user,
    name: person.name,
    // A team token is recorded under its team's room name (see TokenRecord).
    course: scope.value.kind === 'team' ? teamRoomName(scope.value.team) : scope.value.course,
    role: scope.value.role,
    issuedAt,
    expiresAt: issuedAt + ttlSeconds,
  }
  const token = await mintToken(secret.value, request, issuedAt)
  let output = token
  if (invite !== undefined) {
    const link = inviteFor(scope.value, invite, token)
    if (!link.ok) return fail(link.error)
    output = link.value
  }
  // Recorded before it is printed: a token the registry does not know is never handed out.
  try {
    await withRegistryAt(location.value, {}, (registry) => registry.record(minted))
  } catch (error) {
    console.error(
      `chorus relay token: could not record the token, so none was printed: ${error instanceof Error ? error.message : String(error)}`,
    )
    return 1
  }
  console.log(output)
  return 0
}
