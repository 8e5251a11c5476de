import { useEffect, useRef } from 'react'
import type { MenuCommand } from '../../../shared/platform'
import { usePlatform } from './use-platform'

/** Runs `handler` whenever the desktop app menu sends `command`. The browser build has no menu, so it never runs there. */
export const useMenuCommand = (command: MenuCommand, handler: () => void): void => {
  const platform = usePlatform()
  const handlerRef = useRef(handler)
  useEffect(() => {
    handlerRef.current = handler
  })
  useEffect(
    () =>
      platform.onMenuCommand((sent) => {
        if (sent === command) handlerRef.current()
      }),
    [platform, command],
  )
}
