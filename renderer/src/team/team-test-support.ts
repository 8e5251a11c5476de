/**
 * Test support for the team module (imported by `*.test.ts` only): team tokens as the relay mints them, read by the
 * app without their signature, and a fresh database.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { TeamRole } from '../../../shared/protocol/token'
import type { TeamId } from '../../../shared/team/types'
import { openChorusDb, type ChorusDb } from '../storage/db'

const base64Url = (text: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

/** A team token's shape (the app never checks the signature, so this one is not signed). */
export const teamToken = (claims: {
  readonly sub: string
  readonly name: string
  readonly team: string
  readonly role: TeamRole
}): string =>
  [
    base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })),
    base64Url(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })),
    'unsigned',
  ].join('.')

export const TEAM = 'sales' as TeamId

export const freshDb = (name: string): ChorusDb =>
  openChorusDb(name, { indexedDB: new IDBFactory(), IDBKeyRange })
