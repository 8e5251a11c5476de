import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { formatInvite, parseInvite } from '../../../shared/protocol/invite'
import { isCourseId } from '../../../shared/protocol/rooms'
import { ANY_COURSE, isRole, ROLES } from '../../../shared/protocol/token'
import { mintToken, secretFromEnv } from '../auth'
import { TOKENS_FILE } from '../tokens/registry'
import { parseDuration } from './duration'
import { withRegistryAt } from './registry-at'
import { STORE_FLAGS_HELP, storeLocationFrom } from './store-location'

/** A token is revocable, but one that outlives its holder's role by years should not be minted at all. */
export const MAX_TTL_DAYS = 365
const MAX_TTL_SECONDS = MAX_TTL_DAYS * 86_400

export const TOKEN_USAGE = `Usage: npm run relay -- token --course ID --role ${ROLES.join('|')} --name NAME [--ttl 30d] [--user ID] [--invite ws://HOST:PORT] [--data relay-data | --postgres URL]
Prints a token alone on one line, or with --invite an invite link (chorus://join?relay=…&course=…&token=…).
--course * grants every course (not with --invite). --ttl takes s, m, h, d or w, at most ${MAX_TTL_DAYS}d.
--user defaults to a new random id. Needs CHORUS_RELAY_SECRET, the same secret the relay runs with.
Records the token (its id, user, name, course, role and expiry; never the token itself) in the relay's token
registry, so that \`npm run relay -- tokens\` lists it and \`npm run relay -- revoke\` can revoke it: in
<data>/${TOKENS_FILE}, or in PostgreSQL when the relays run on it.
${STORE_FLAGS_HELP}`

const options = {
  course: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  ttl: { type: 'string', default: '30d' },
  user: { type: 'string' },
  invite: { type: 'string' },
  data: { type: 'string' },
  postgres: { type: 'string' },
  help: { type: 'boolean' },
} as const

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
  const { course, role, name, ttl, user, invite } = values
  const location = storeLocationFrom(values, env)
  if (!location.ok) return fail(`${location.error.message}\n${TOKEN_USAGE}`)
  if (course === undefined || (course !== ANY_COURSE && !isCourseId(course)))
    return fail(`--course must be a course id (letters, digits, _ and -) or *\n${TOKEN_USAGE}`)
  if (!isRole(role)) return fail(`--role must be one of ${ROLES.join(', ')}\n${TOKEN_USAGE}`)
  if (name === undefined || name.trim() === '')
    return fail(`--name is required (the person's display name)\n${TOKEN_USAGE}`)
  const ttlSeconds = parseDuration(ttl)
  if (ttlSeconds === null) return fail(`--ttl must look like 90s, 15m, 12h, 30d or 2w, got "${ttl}"`)
  if (ttlSeconds > MAX_TTL_SECONDS)
    return fail(
      `--ttl may be at most ${MAX_TTL_DAYS}d (a year), got "${ttl}"; mint a new token when it expires`,
    )

  const issuedAt = Math.floor(Date.now() / 1000)
  const minted = {
    id: randomUUID(),
    user: user ?? randomUUID(),
    name: name.trim(),
    course,
    role,
    issuedAt,
    expiresAt: issuedAt + ttlSeconds,
  }
  const token = await mintToken(secret.value, { ...minted, ttlSeconds }, issuedAt)
  let output = token
  if (invite !== undefined) {
    if (!isCourseId(course)) return fail('--invite needs one course id, not *')
    output = formatInvite({ relay: invite.replace(/\/+$/, ''), courseId: course, token })
    // Round-trip through the parser the app uses, so a bad relay URL fails here rather than in a co-author's app.
    if (!parseInvite(output).ok)
      return fail(`--invite must be the relay's ws:// or wss:// URL, got "${invite}"`)
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
