/**
 * Positions as fractional-indexing keys. A move writes one key; nothing is re-inserted, so two people moving
 * the same item at once can never duplicate it.
 */
import { BASE_62_DIGITS, generateKeyBetween } from 'fractional-indexing'
import { randomString } from './ids'

export interface Ordered {
  readonly id: string
  readonly order: string
}

/** Sort by key, then by id, so every replica agrees even when two keys are equal. */
export const compareOrdered = (a: Ordered, b: Ordered): number =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** Random digits appended to a key; the last one is never the zero digit, which keys may not end with. */
const JITTER_LENGTH = 4

/**
 * A key strictly between `lower` and `upper` (null = open end). Two authors inserting at the same spot at the
 * same time would otherwise compute the very same key; the random suffix keeps their keys distinct so later
 * inserts between them stay possible.
 */
export const keyBetween = (lower: string | null, upper: string | null): string => {
  const middle = generateKeyBetween(lower, upper)
  const jittered =
    middle + randomString(JITTER_LENGTH - 1, BASE_62_DIGITS) + randomString(1, BASE_62_DIGITS.slice(1))
  return upper === null || jittered < upper ? jittered : middle
}

/** Clamp an index to [0, length]; anything that is not a finite number means "at the end". */
export const clampIndex = (index: number | undefined, length: number): number =>
  index === undefined || !Number.isFinite(index) ? length : Math.min(length, Math.max(0, Math.trunc(index)))

/** Keys come from peers; a malformed one must not make every later insert throw. */
const isValidKey = (key: string): boolean => {
  try {
    generateKeyBetween(key, null)
    return true
  } catch {
    return false
  }
}

/**
 * The key that puts a new item at `index` among `siblings` (already sorted, without the item itself).
 * Malformed neighbour keys are skipped. If the neighbours share a key (a concurrent insert that drew the same
 * jitter), no key fits between them, so the item goes right after that run of equal keys instead.
 */
export const keyForIndex = (siblings: readonly Ordered[], index: number | undefined): string => {
  const at = clampIndex(index, siblings.length)
  const lower =
    siblings
      .slice(0, at)
      .reverse()
      .find((sibling) => isValidKey(sibling.order))?.order ?? null
  const upper =
    siblings
      .slice(at)
      .find((sibling) => (lower === null || sibling.order > lower) && isValidKey(sibling.order))?.order ??
    null
  return keyBetween(lower, upper)
}
