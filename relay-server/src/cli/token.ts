import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { formatInvite, parseInvite } from '../../../shared/protocol/invite'
import { isCourseId } from '../../../shared/protocol/rooms'
import { ANY_COURSE, isRole, ROLES } from '../../../shared/protocol/token'
import { mintToken, secretFromEnv } from '../auth'
import { parseDuration } from './duration'

export const TOKEN_USAGE = `Usage: npm run relay -- token --course ID --role ${ROLES.join('|')} --name NAME [--ttl 30d] [--user ID] [--invite ws://HOST:PORT]
Prints a token alone on one line, or with --invite an invite link (chorus://join?relay=…&course=…&token=…).
--course * grants every course (not with --invite). --ttl takes s, m, h, d or w. --user defaults to a new random id.
Needs CHORUS_RELAY_SECRET, the same secret the relay runs with.`

const options = {
  course: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  ttl: { type: 'string', default: '30d' },
  user: { type: 'string' },
  invite: { type: 'string' },
  help: { type: 'boolean' },
} as const

const fail = (message: string): number => {
  console.error(`chorus relay token: ${message}`)
  return 2
}

/** `npm run relay -- token …`: prints the token (or invite) on stdout and nothing else; returns the exit code. */
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
  if (course === undefined || (course !== ANY_COURSE && !isCourseId(course)))
    return fail(`--course must be a course id (letters, digits, _ and -) or *\n${TOKEN_USAGE}`)
  if (!isRole(role)) return fail(`--role must be one of ${ROLES.join(', ')}\n${TOKEN_USAGE}`)
  if (name === undefined || name.trim() === '')
    return fail(`--name is required (the person's display name)\n${TOKEN_USAGE}`)
  const ttlSeconds = parseDuration(ttl)
  if (ttlSeconds === null) return fail(`--ttl must look like 90s, 15m, 12h, 30d or 2w, got "${ttl}"`)

  const token = await mintToken(secret.value, {
    user: user ?? randomUUID(),
    name: name.trim(),
    course,
    role,
    ttlSeconds,
  })
  if (invite === undefined) {
    console.log(token)
    return 0
  }
  if (!isCourseId(course)) return fail('--invite needs one course id, not *')
  const link = formatInvite({ relay: invite.replace(/\/+$/, ''), courseId: course, token })
  // Round-trip through the parser the app uses, so a bad relay URL fails here rather than in a co-author's app.
  const parsed = parseInvite(link)
  if (!parsed.ok) return fail(`--invite must be the relay's ws:// or wss:// URL, got "${invite}"`)
  console.log(link)
  return 0
}
