import { msUntil, refill } from './token-bucket'

/**
 * A room's answers to sync step 1 with a non-empty state vector. Each answer is a diff encoded from the whole
 * document, so a client asking again and again (or many asking at once) would make the relay re-encode it each
 * time: identical requests share one framed answer per document version, and the bytes the room may encode for
 * new ones are a token bucket, so one room's askers cannot take the relay's time from every other room.
 */
export interface StepAnswers {
  /** Framed answers by state vector (as a latin1 string); null when empty. Cleared with `fullStateFrame`. */
  frames: Map<string, Uint8Array> | null
  /** Bytes of the remembered frames. */
  rememberedBytes: number
  /** Bytes (state vectors read plus diffs written) the room may still encode; negative means in debt. */
  budget: number
  budgetAt: number
}

/** Distinct state vectors remembered per document version: clients of one room mostly share a few. */
const MAX_REMEMBERED = 8
/** Bytes of answers remembered per room: beyond it, answers are encoded for each request (within the budget). */
const MAX_REMEMBERED_BYTES = 8 * 1024 * 1024
/** Encoding budget of one room: a burst, then bytes per second (a small share of one core). */
export const ROOM_ENCODE_BURST = 64 * 1024 * 1024
export const ROOM_ENCODE_PER_SECOND = 16 * 1024 * 1024

export const createStepAnswers = (): StepAnswers => ({
  frames: null,
  rememberedBytes: 0,
  budget: ROOM_ENCODE_BURST,
  budgetAt: 0,
})

const keyOf = (stateVector: Uint8Array): string =>
  Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1')

export const rememberedAnswer = (answers: StepAnswers, stateVector: Uint8Array): Uint8Array | undefined =>
  answers.frames?.get(keyOf(stateVector))

export const remember = (answers: StepAnswers, stateVector: Uint8Array, frame: Uint8Array): void => {
  if (answers.rememberedBytes + frame.byteLength > MAX_REMEMBERED_BYTES) return
  answers.frames ??= new Map()
  if (answers.frames.size >= MAX_REMEMBERED) return
  answers.frames.set(keyOf(stateVector), frame)
  answers.rememberedBytes += frame.byteLength
}

/** The document changed: every remembered answer is out of date. */
export const forgetAnswers = (answers: StepAnswers): void => {
  answers.frames = null
  answers.rememberedBytes = 0
}

/** Milliseconds until the room may encode another answer; 0 if it may now. */
export const msUntilAffordable = (answers: StepAnswers, nowMs: number): number => {
  answers.budget = refill(answers.budget, ROOM_ENCODE_BURST, ROOM_ENCODE_PER_SECOND, nowMs - answers.budgetAt)
  answers.budgetAt = nowMs
  return msUntil(answers.budget, 0, ROOM_ENCODE_PER_SECOND)
}

export const charge = (answers: StepAnswers, bytes: number): void => {
  answers.budget -= bytes
}
