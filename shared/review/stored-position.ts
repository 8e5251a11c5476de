/**
 * Yjs relative positions as the review document stores them: the plain JSON of `Y.relativePositionToJSON`.
 * Values come from peers, so reading them back checks every field instead of trusting it.
 */
import * as Y from 'yjs'

export interface StoredId {
  readonly client: number
  readonly clock: number
}

export interface StoredPosition {
  readonly type?: StoredId
  readonly tname?: string
  readonly item?: StoredId
  readonly assoc?: number
}

/** A range of a lesson body: `start` sticks to the first character of the range, `end` to the last. */
export interface Anchor {
  readonly start: StoredPosition
  readonly end: StoredPosition
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const parseId = (value: unknown): StoredId | undefined => {
  if (!isRecord(value)) return undefined
  const { client, clock } = value
  return Number.isSafeInteger(client) && Number.isSafeInteger(clock)
    ? { client: client as number, clock: clock as number }
    : undefined
}

/** `relativePositionToJSON` hands back Yjs's ID instances; copy them so the stored value is plain data. */
export const toStoredPosition = (position: Y.RelativePosition): StoredPosition => {
  const json: { type?: StoredId; tname?: string; item?: StoredId; assoc?: number } =
    Y.relativePositionToJSON(position)
  return {
    ...(json.type !== undefined && { type: { client: json.type.client, clock: json.type.clock } }),
    ...(json.tname !== undefined && { tname: json.tname }),
    ...(json.item !== undefined && { item: { client: json.item.client, clock: json.item.clock } }),
    ...(json.assoc !== undefined && { assoc: json.assoc }),
  }
}

export const parseStoredPosition = (value: unknown): StoredPosition | undefined => {
  if (!isRecord(value)) return undefined
  const type = parseId(value.type)
  const item = parseId(value.item)
  const tname = typeof value.tname === 'string' ? value.tname : undefined
  const assoc = typeof value.assoc === 'number' && Number.isInteger(value.assoc) ? value.assoc : undefined
  if (type === undefined && tname === undefined) return undefined
  if (value.item !== undefined && item === undefined) return undefined
  return {
    ...(type !== undefined && { type }),
    ...(tname !== undefined && { tname }),
    ...(item !== undefined && { item }),
    ...(assoc !== undefined && { assoc }),
  }
}

export const parseAnchor = (value: unknown): Anchor | null => {
  if (!isRecord(value)) return null
  const start = parseStoredPosition(value.start)
  const end = parseStoredPosition(value.end)
  return start !== undefined && end !== undefined ? { start, end } : null
}

export const fromStoredPosition = (position: StoredPosition): Y.RelativePosition =>
  Y.createRelativePositionFromJSON(position)
