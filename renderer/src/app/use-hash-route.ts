import { useCallback, useSyncExternalStore } from 'react'
import { parseRoute, routeHash, type Route } from '../navigation/route'

/**
 * A move's hash, shown before the address has it: `history.pushState` took about 4 ms of every lesson switch in a
 * 1,000-lesson course, ahead of anything of the new lesson. The move is rendered in its own task and the address
 * follows in the next one, a few milliseconds later.
 */
let ahead: string | null = null
const listeners = new Set<() => void>()
const notify = (): void => listeners.forEach((listener) => listener())

const subscribe = (onChange: () => void) => {
  // Back, Forward, a typed address: the address leads again.
  const onHashChange = (): void => {
    ahead = null
    onChange()
  }
  listeners.add(onChange)
  window.addEventListener('hashchange', onHashChange)
  return () => {
    listeners.delete(onChange)
    window.removeEventListener('hashchange', onHashChange)
  }
}

const currentHash = () => ahead ?? window.location.hash

/**
 * A history entry, as assigning `location.hash` gives, without its scroll to the fragment: the browser looked for an
 * element the hash names and laid the page out first, some 20 ms of every lesson switch in a 1,000-lesson course.
 * Back and Forward fire hashchange for these entries as for any other.
 */
const pushAddress = (hash: string): void => {
  if (ahead !== hash) return // overtaken by Back, Forward or a typed address meanwhile
  window.history.pushState(window.history.state, '', hash)
  ahead = null
}

/** The current route and a way to go elsewhere; the browser's back button works because each move is a history entry. */
export const useHashRoute = (): readonly [Route, (route: Route) => void] => {
  const hash = useSyncExternalStore(subscribe, currentHash)
  const navigate = useCallback((route: Route) => {
    const hash = routeHash(route)
    if (hash === currentHash()) return
    if (ahead !== null) pushAddress(ahead) // the move before this one gets its own entry first
    ahead = hash
    notify()
    setTimeout(() => pushAddress(hash), 0)
  }, [])
  return [parseRoute(hash), navigate] as const
}
