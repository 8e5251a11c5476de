import { DESKTOP_API_KEY, type ChorusDesktopApi } from '../../../shared/ipc'
import type { Platform } from '../../../shared/platform'
import { createBrowserPlatform } from './browser'
import { createElectronPlatform } from './electron'

/**
 * The only place that asks "am I in Electron?": the preload exposes its API on `window.chorus`
 * before any page script runs, so one look at start-up decides for the whole session.
 */
export const pickPlatform = (): Platform => {
  const desktopApi = Reflect.get(window, DESKTOP_API_KEY) as ChorusDesktopApi | undefined
  return desktopApi ? createElectronPlatform(desktopApi) : createBrowserPlatform()
}
