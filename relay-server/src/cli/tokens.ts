import { parseArgs } from 'node:util'
import { registryPath, TOKENS_FILE, withTokenRegistry } from '../tokens/registry'
import {
  createRevocationSet,
  tokenStatus,
  type Revocation,
  type RevocationSet,
  type TokenRecord,
} from '../tokens/revocation-set'
import { dataDirFrom } from './data-dir'
import { formatTable, formatTime } from './table'

export const TOKENS_USAGE = `Usage: npm run relay -- tokens [--data relay-data]
Lists the tokens recorded in <data>/${TOKENS_FILE} (minted with \`npm run relay -- token\`): id, user, name,
course, role, issue and expiry times and status (active, expired or revoked); never the tokens themselves.
Then the users revoked with \`revoke --sub\`. --data defaults to CHORUS_RELAY_DATA, else relay-data.`

const options = { data: { type: 'string' }, help: { type: 'boolean' } } as const

/** A table of tokens; shared with `revoke`, which shows what it revoked the same way. */
export const formatTokens = (
  tokens: readonly TokenRecord[],
  revoked: RevocationSet,
  nowSeconds: number,
): string =>
  formatTable(
    ['ID', 'USER', 'NAME', 'COURSE', 'ROLE', 'ISSUED', 'EXPIRES', 'STATUS'],
    tokens.map((token) => [
      token.id,
      token.user,
      token.name,
      token.course,
      token.role,
      formatTime(token.issuedAt),
      formatTime(token.expiresAt),
      tokenStatus(token, revoked, nowSeconds),
    ]),
  )

/** The registry as text: the token table, then one line per user revocation. */
export const formatRegistry = (
  tokens: readonly TokenRecord[],
  revocations: readonly Revocation[],
  nowSeconds: number,
): string => {
  const revoked = createRevocationSet(revocations)
  const parts = [tokens.length === 0 ? 'No tokens recorded yet.' : formatTokens(tokens, revoked, nowSeconds)]
  const users = revocations.flatMap((r) => (r.kind === 'user' ? [r] : []))
  if (users.length > 0)
    parts.push(
      `Users revoked (every token of theirs issued up to that time, recorded or not):\n${formatTable(
        ['USER', 'ISSUED UP TO'],
        users.map((r) => [r.user, formatTime(r.at)]),
      )}`,
    )
  return parts.join('\n\n')
}

/** `npm run relay -- tokens`: prints the token registry; returns the exit code. */
export const runTokensCommand = (argv: readonly string[], env: NodeJS.ProcessEnv): number => {
  let values
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    console.error(
      `chorus relay tokens: ${error instanceof Error ? error.message : String(error)}\n${TOKENS_USAGE}`,
    )
    return 2
  }
  if (values.help === true) {
    console.log(TOKENS_USAGE)
    return 0
  }
  const dataDir = dataDirFrom(values.data, env)
  try {
    const text = withTokenRegistry(dataDir, { mustExist: true }, (registry) =>
      formatRegistry(registry.list(), registry.revocationsAfter(0), Math.floor(Date.now() / 1000)),
    )
    console.log(`Token registry ${registryPath(dataDir)}\n\n${text}`)
    return 0
  } catch (error) {
    console.error(`chorus relay tokens: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
