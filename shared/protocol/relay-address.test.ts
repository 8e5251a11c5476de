import { describe, expect, it } from 'vitest'
import { isPrivateHost, needsUnencryptedWarning, readRelayAddress } from './relay-address'

const warns = (url: string): boolean => {
  const address = readRelayAddress(url)
  if (address === null) throw new Error(`not a relay URL: ${url}`)
  return needsUnencryptedWarning(address)
}

describe('relay addresses', () => {
  it('shows the host and port as the URL parser normalises them', () => {
    expect(readRelayAddress('wss://Relay.Example.org:8443/chorus')).toEqual({
      host: 'relay.example.org:8443',
      encrypted: true,
      privateNetwork: false,
    })
    // Look-alike letters show as punycode; odd IPv4 spellings as the address they reach.
    expect(readRelayAddress('ws://пример.рф')?.host).toBe('xn--e1afmkfd.xn--p1ai')
    expect(readRelayAddress('ws://0x7f.1:9')).toMatchObject({ host: '127.0.0.1:9', privateNetwork: true })
  })

  it('refuses what is not a ws:// or wss:// URL', () => {
    for (const url of ['https://relay.example.org', 'relay.example.org', 'ws://', 'javascript:alert(1)'])
      expect(readRelayAddress(url)).toBeNull()
  })

  it.each([
    'ws://127.0.0.1:1234',
    'ws://127.8.9.10',
    'ws://localhost:1234',
    'ws://relay.localhost',
    'ws://[::1]:1234',
    'ws://10.1.2.3',
    'ws://172.16.0.1',
    'ws://172.31.255.255',
    'ws://192.168.1.20:8080',
    'ws://169.254.10.10',
    'ws://[fc00::1]',
    'ws://[fd12:3456::1]',
    'ws://[fe80::1]',
    'ws://[::ffff:10.0.0.1]',
    'ws://[::ffff:127.0.0.1]',
  ])('allows unencrypted %s without a warning (loopback or private)', (url) => {
    expect(warns(url)).toBe(false)
  })

  it.each([
    'ws://relay.example.org',
    'ws://8.8.8.8',
    'ws://172.15.0.1',
    'ws://172.32.0.1',
    'ws://192.169.0.1',
    'ws://11.0.0.1',
    'ws://[2001:db8::1]',
    'ws://[::ffff:8.8.8.8]',
    'ws://[::]',
    'ws://0.0.0.0',
    'ws://relay.local',
    'ws://localhost.example.org',
    'ws://127.0.0.1.nip.io',
  ])('warns that %s is unencrypted', (url) => {
    expect(warns(url)).toBe(true)
  })

  it('never warns about wss://, wherever it points', () => {
    expect(warns('wss://relay.example.org')).toBe(false)
    expect(warns('wss://8.8.8.8')).toBe(false)
  })

  it('reads hostnames only as whole addresses', () => {
    expect(isPrivateHost('10.0.0')).toBe(false)
    expect(isPrivateHost('10.0.0.256')).toBe(false)
    expect(isPrivateHost('[fe80::1]')).toBe(true)
  })
})
