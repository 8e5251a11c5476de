/** JSON with sorted keys, so equal values compare equal whatever order their keys were written in. */
export const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  ) ?? 'undefined'

/** Whether two plain values stored in a course (attrs, marks, places, settings) are the same value. */
export const sameValue = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b)
