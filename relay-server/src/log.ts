import pino from 'pino'

/**
 * One JSON line per event on stdout. Every line has an `event` name to match on; it never carries a token.
 * Synchronous writes: a line about a stored update is out before the relay can be killed.
 */
export const createLogger = (level: string) => pino({ level, base: { service: 'chorus-relay' } })

export type Logger = ReturnType<typeof createLogger>
