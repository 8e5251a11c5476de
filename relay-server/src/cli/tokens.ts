import { parseArgs } from 'node:util'
import { registryPath, TOKENS_FILE } from '../tokens/registry'
import {
  createRevocationSet,
  tokenStatus,
  type Revocation,
  type RevocationSet,
  type TokenRecord,
} from '../tokens/revocation-set'
import { withRegistryAt } from './registry-at'
import { describeLocation, STORE_FLAGS_HELP, storeLocationFrom, type StoreLocation } from './store-location'
import { formatTable, formatTime } from './table'

export const TOKENS_USAGE = `Usage: npm run relay -- tokens [--data relay-data | --postgres URL]
Lists the tokens recorded in the relay's token registry (minted with \`npm run relay -- token\`): id, user, name,
course, role, issue and expiry times and status (active, expired or revoked); never the tokens themselves.
Then the users revoked with \`revoke --sub\`. The registry is <data>/${TOKENS_FILE}, or PostgreSQL's.
${STORE_FLAGS_HELP}`

const options = {
  data: { type: 'string' },
  postgres: { type: 'string' },
  help: { type: 'boolean' },
} as const

const describeRegistry = (location: StoreLocation): string =>
  location.kind === 'sqlite' ? registryPath(location.dataDir) : `in ${describeLocation(location)}`

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
export const runTokensCommand = async (argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> => {
  const usage = (message: string): number => {
    console.error(`chorus relay tokens: ${message}\n${TOKENS_USAGE}`)
    return 2
  }
  let values
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error))
  }
  if (values.help === true) {
    console.log(TOKENS_USAGE)
    return 0
  }
  const location = storeLocationFrom(values, env)
  if (!location.ok) return usage(location.error.message)
  try {
    const text = await withRegistryAt(location.value, { mustExist: true }, async (registry) =>
      formatRegistry(
        await registry.list(),
        await registry.revocationsAfter(0),
        Math.floor(Date.now() / 1000),
      ),
    )
    console.log(`Token registry ${describeRegistry(location.value)}\n\n${text}`)
    return 0
  } catch (error) {
    console.error(`chorus relay tokens: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
