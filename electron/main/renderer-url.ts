import { pathToFileURL } from 'node:url'

/**
 * Where the window loads the app from. `ELECTRON_RENDERER_URL` (electron-vite's dev server) counts only in an
 * unpackaged app: in an installed one, anyone who can set an environment variable could otherwise point the window,
 * and the preload's API, at a page of their choosing.
 */
export const rendererUrl = (options: {
  readonly isPackaged: boolean
  readonly devServerUrl: string | undefined
  /** The built renderer's index.html on disk. */
  readonly indexHtmlPath: string
}): string =>
  !options.isPackaged && options.devServerUrl
    ? options.devServerUrl
    : pathToFileURL(options.indexHtmlPath).href
