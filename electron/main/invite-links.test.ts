import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../shared/course/types'
import { formatInvite, formatTeamInvite } from '../../shared/protocol/invite'
import type { TeamId } from '../../shared/team/types'
import { inviteLinkFromArgv, inviteLinkFromUrl } from './invite-links'

const invite = {
  relay: 'wss://relay.example.org/chorus',
  courseId: 'AbC123xyz' as CourseId,
  token: 'aaa.bbb.ccc',
}
const link = formatInvite(invite)

describe('chorus:// links handed to the desktop app', () => {
  it('reads an open-url link (macOS) and passes on the parsed invite only', () => {
    expect(inviteLinkFromUrl(link)).toBe(link)
    expect(inviteLinkFromUrl(`  ${link}\n`)).toBe(link)
    expect(inviteLinkFromUrl(link.replace('chorus://join?', 'CHORUS://join/?'))).toBe(link)
    // Unknown parameters are dropped: the renderer gets exactly the relay, course and token.
    expect(inviteLinkFromUrl(`${link}&next=https://evil.example`)).toBe(link)
  })

  it('reads a team invite the same way, keeping its team', () => {
    const team = formatTeamInvite({ relay: invite.relay, teamId: 'sales' as TeamId, token: invite.token })
    expect(inviteLinkFromUrl(team)).toBe(team)
    expect(inviteLinkFromUrl(`${team}&course=x`)).toBeNull()
    expect(inviteLinkFromUrl(team.replace('team=sales', 'team=sa%2Fles'))).toBeNull()
  })

  it.each([
    ['no string', 42],
    ['another scheme', link.replace('chorus://', 'https://')],
    ['a web invite', formatInvite(invite, 'https://chorus.example.org/')],
    ['another action', link.replace('join?', 'open?')],
    ['a relay that is not ws(s)', formatInvite({ ...invite, relay: 'http://relay.example.org' })],
    ['a missing token', link.replace(/&token=.*$/, '')],
    ['a huge link', `${link}&pad=${'x'.repeat(10_000)}`],
  ])('refuses %s', (_label, value) => {
    expect(inviteLinkFromUrl(value)).toBeNull()
  })

  it('finds the link among a second instance’s arguments (Windows, Linux)', () => {
    const argv = ['C:\\Program Files\\Chorus\\Chorus.exe', '--allow-file-access-from-files', link]
    expect(inviteLinkFromArgv(argv)).toBe(link)
    expect(inviteLinkFromArgv(['/opt/Chorus/chorus', '--no-sandbox', link, '--enable-logging'])).toBe(link)
  })

  it('finds nothing in a plain launch or a bad link', () => {
    expect(inviteLinkFromArgv(['/opt/Chorus/chorus'])).toBeNull()
    expect(inviteLinkFromArgv(['/opt/Chorus/chorus', 'chorus://join?relay=x'])).toBeNull()
    expect(inviteLinkFromArgv(['/opt/Chorus/chorus', '--inspect', 'https://example.com/#/join?x'])).toBeNull()
  })
})
