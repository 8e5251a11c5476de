import { useEffect, type RefObject } from 'react'

/**
 * Focuses `ref` when the outline asks for this row. A moved row may re-mount in another section, and a renamed
 * row swaps its input back for a button, so focus has to be put back explicitly or keyboard users lose their place.
 */
export const useFocusRequest = (
  ref: RefObject<HTMLElement | null>,
  requested: boolean,
  done: () => void,
): void => {
  useEffect(() => {
    if (!requested || !ref.current) return
    ref.current.focus()
    done()
  }, [ref, requested, done])
}
