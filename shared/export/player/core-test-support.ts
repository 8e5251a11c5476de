/**
 * The player core for unit tests (core-script.test.ts, reaction-script.test.ts): the shipped script evaluated,
 * typed as the tests use it, and a browser-like window chain to find an LMS API in.
 */
import { coreScript } from './core-script'
import type { PlayerData } from './player-data'

export interface State {
  viewed: boolean[]
  answers: (number[] | null)[]
  reactions: ({ code: string; slot: number | null } | null)[]
}
export interface Summary {
  percent: number | null
  passed: boolean
  failed: boolean
  completed: boolean
  finished: boolean
}
export interface Lms {
  kind: string
}
export interface Session {
  state: State
  location: () => number
  visit: (index: number) => void
  answer: (index: number, selected: number[]) => void
  save: () => void
  finish: (navRequest?: boolean) => void
  summary: () => Summary
  react: (index: number, name: string, lessonTitle: string) => void
  reaction: (index: number) => string
}
export type Win = Record<string, unknown>
export interface Core {
  encodeState: (data: PlayerData, state: State) => string
  decodeState: (data: PlayerData, text: string) => State | null
  emptyState: (data: PlayerData) => State
  summarize: (data: PlayerData, state: State) => Summary
  lessonStatus12: (summary: Summary) => string
  formatTime12: (ms: number) => string
  formatTime2004: (ms: number) => string
  reactionValues: (
    kind: string,
    n: number,
    lessonId: string,
    reaction: { code: string; name: string },
    date: Date,
    lessonTitle: string,
  ) => [string, string][]
  findApi: (win: Win, name: string) => unknown
  connect: (runtime: string, win: Win) => Lms
  createSession: (data: PlayerData, lms: Lms, now: () => number) => Session
}

/** The player core as the package's page sees it: the shipped string, evaluated. */
export const core = new Function(`${coreScript}\nreturn ChorusCore`)() as Core

export const course = (
  lessons: number,
  questions: number,
  choices = 4,
  over: Partial<PlayerData> = {},
): PlayerData => ({
  runtime: 'scorm12',
  fingerprint: 'abc123',
  passingScore: 80,
  completionRule: 'all-lessons-viewed',
  lessons: Array.from({ length: lessons }, (_, i) => ({ id: `lesson${i}` })),
  questions: Array.from({ length: questions }, (_, i) => ({ correct: [i % choices], choices })),
  ...over,
})

/** A browser-like window chain from the SCO's frame up; the top window is its own parent, as in browsers. */
export const windowChain = (frame: Win, ...ancestors: Win[]): Win => {
  const levels = [frame, ...ancestors]
  levels.forEach((w, i) => {
    w.parent = levels[i + 1] ?? w
    w.top = levels.at(-1)
  })
  return frame
}

/** scorm-again behind a proxy that records every call's name, so tests can check order and count. */
export const recorded = <T extends object>(api: T): { api: T; calls: string[] } => {
  const calls: string[] = []
  const proxy = new Proxy(api, {
    get: (target, name, receiver) => {
      const value: unknown = Reflect.get(target, name, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        calls.push(
          name === 'LMSSetValue' || name === 'SetValue'
            ? `set ${String(args[0])}=${String(args[1])}`
            : String(name),
        )
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { api: proxy, calls }
}
