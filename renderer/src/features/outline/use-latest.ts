import { useLayoutEffect, useRef, type RefObject } from 'react'

/**
 * A ref that always holds the latest committed `value`: callbacks that read it can keep one identity for the
 * component's whole life, so memoised rows that receive them do not re-render when the outline changes elsewhere.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
