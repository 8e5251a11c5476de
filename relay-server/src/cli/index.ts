import { serve } from '../main'
import { runTokenCommand } from './token'

/** Entry point of `npm run relay`: `token …` mints a token or invite; anything else starts the relay. */
const run = async (argv: readonly string[]): Promise<number | null> =>
  argv[0] === 'token' ? runTokenCommand(argv.slice(1), process.env) : serve(argv, process.env)

run(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
