/**
 * The desktop shell's security decisions as pure functions, so they are tested in Node without Electron.
 * Electron's checklist: no navigation away from the app, no new windows, external http(s) links go to the
 * system browser only, no permissions granted, a strict Content-Security-Policy on every response.
 */
import { isExternalHttpUrl } from '../../shared/platform'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // The only inline scripts allowed, by hash: the player (shared/export/player), the learner preview's Escape relay
  // and the pilot learners' bridge, which sandboxed srcdoc frames run under this policy. A test recomputes them.
  "script-src 'self' 'sha256-1mIEL9/2wNXMoUKynWLwqQASMxg7RcgFWb7QDSoiCa4=' 'sha256-6iE0TeU0+i+YfYBVnSDRUI96vXM8xqaGEvkScnZMH8Q=' 'sha256-xk8gWUdl/ITOE2LThm8Zq/pHSRUb6HMWOJti3oTigtM='",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // data: for the learner preview's audio and video: its opaque-origin frame may not load the app's blob: URLs.
  "media-src 'self' blob: data:",
  "font-src 'self' data:",
  // The relay serves media over http(s) on its WebSocket's host and port, which the user chooses.
  "connect-src 'self' ws: wss: http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'self' blob:",
].join('; ')

/** Where a link or window.open the renderer asks for should go. */
export type OpenDecision =
  { readonly kind: 'deny' } | { readonly kind: 'open-in-system-browser'; readonly url: string }

export const decideWindowOpen = (url: string): OpenDecision =>
  isExternalHttpUrl(url) ? { kind: 'open-in-system-browser', url } : { kind: 'deny' }

/** The app is a single page: the only navigation allowed is a reload of the page it was loaded from. */
export const isNavigationAllowed = (targetUrl: string, appUrl: string): boolean => {
  try {
    const target = new URL(targetUrl)
    const app = new URL(appUrl)
    return target.origin === app.origin && target.pathname === app.pathname
  } catch {
    return false
  }
}
