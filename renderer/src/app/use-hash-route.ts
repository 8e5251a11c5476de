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
    window.location.hash = routeHash(route)
  }, [])
  return [parseRoute(hash), navigate] as const
}
