import { useCallback, useSyncExternalStore } from 'react'
import { parseRoute, routeHash, type Route } from '../navigation/route'

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

const currentHash = () => window.location.hash

/** The current route and a way to go elsewhere; the browser's back button works because each move is a hash change. */
export const useHashRoute = (): readonly [Route, (route: Route) => void] => {
  const hash = useSyncExternalStore(subscribe, currentHash)
  const navigate = useCallback((route: Route) => {
    const hash = routeHash(route)
    if (hash === window.location.hash) return
    // A history entry and a hashchange, as assigning `location.hash` gives, without its scroll to the fragment:
    // the browser looked for an element the hash names and laid the page out first, some 20 ms of every lesson
    // switch in a 1,000-lesson course. Back and Forward fire hashchange for these entries as for any other.
    const oldURL = window.location.href
    window.history.pushState(window.history.state, '', hash)
    window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }))
  }, [])
  return [parseRoute(hash), navigate] as const
}
