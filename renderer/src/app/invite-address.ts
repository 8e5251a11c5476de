/**
 * The web app's invite links (`https://…/#/join?relay=…&course=…&token=…`). The token is a credential, so the link
 * leaves the address bar and the history entry before anything renders it, whatever the user answers; what the
 * link asks for is then confirmed like any other invite.
 */

const INVITE_HASH = /^#\/?join\?/

/** The link as parseInvite reads it, for an address whose fragment is an invite; else null. */
export const inviteLinkOfHash = (hash: string): string | null =>
  INVITE_HASH.test(hash) ? `https://chorus.invalid/#/${hash.replace(/^#\/?/, '')}` : null

/** Takes an invite out of the current address, leaving the library's address in its place. */
export const takeInviteFromAddress = (): string | null => {
  const { hash, pathname, search } = window.location
  const link = inviteLinkOfHash(hash)
  if (link === null) return null
  window.history.replaceState(window.history.state, '', `${pathname}${search}#/`)
  return link
}

/**
 * Hands every invite opened in this page to `onLink`: the one it was loaded with and any opened later (pasted in
 * the address bar). Call before the app renders, so this hashchange listener runs before the router's.
 */
export const watchAddressForInvites = (onLink: (link: string) => void): void => {
  const take = (): void => {
    const link = takeInviteFromAddress()
    if (link !== null) onLink(link)
  }
  take()
  window.addEventListener('hashchange', take)
}
