/**
 * `chorus://join?…` links the operating system hands the desktop app: on macOS as an `open-url` event, on
 * Windows and Linux as a command-line argument of the first launch or of a second instance. Pure functions, tested
 * in Node: whatever they return goes to the renderer, which still asks the user before joining.
 */
import { readInviteLinkMessage } from '../../shared/ipc'
import { formatInvite, formatTeamInvite, parseJoinLink } from '../../shared/protocol/invite'

// Some launchers pass the scheme in upper case or put a slash after the host (`chorus://join/?…`).
const APP_LINK_START = /^chorus:\/\/join\/?\?/i

/**
 * The course or team invite in an opened URL, re-formatted from its parsed parts so only what parseJoinLink read
 * goes on; else null.
 */
export const inviteLinkFromUrl = (url: unknown): string | null => {
  if (typeof url !== 'string') return null
  const link = readInviteLinkMessage(url.trim().replace(APP_LINK_START, 'chorus://join?'))
  if (link === null) return null
  const parsed = parseJoinLink(link)
  if (!parsed.ok) return null
  return parsed.value.kind === 'course'
    ? formatInvite(parsed.value.invite)
    : formatTeamInvite(parsed.value.invite)
}

/**
 * The invite among a process's arguments: the last one that is a chorus:// link (Chromium may add switches of its
 * own around it, and a second instance's argv starts with the executable). Null when there is none or it is bad.
 */
export const inviteLinkFromArgv = (argv: readonly unknown[]): string | null => {
  const links = argv.filter((arg): arg is string => typeof arg === 'string' && /^chorus:/i.test(arg.trim()))
  const last = links.at(-1)
  return last === undefined ? null : inviteLinkFromUrl(last)
}
