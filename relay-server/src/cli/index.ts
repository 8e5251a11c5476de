import { runRelayExport } from '../export-cli/relay-export'
import { serve } from '../main'
import { runRevokeCommand } from './revoke'
import { runTokenCommand } from './token'
import { runTokensCommand } from './tokens'

type Command = (argv: readonly string[], env: NodeJS.ProcessEnv) => number | Promise<number>

/** `npm run relay -- <command> …`; without one of these commands, the arguments start the relay. */
const COMMANDS: Readonly<Record<string, Command>> = {
  token: runTokenCommand,
  tokens: runTokensCommand,
  revoke: runRevokeCommand,
  export: (argv, env) =>
    runRelayExport(argv, env, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    }),
}

const run = async (argv: readonly string[]): Promise<number | null> => {
  const command = argv[0] === undefined ? undefined : COMMANDS[argv[0]]
  return command === undefined ? serve(argv, process.env) : command(argv.slice(1), process.env)
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
