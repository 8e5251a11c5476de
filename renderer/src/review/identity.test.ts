import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../../shared/course/types'
import type { Role, TeamRole } from '../../../shared/protocol/token'
import { openChorusDb, type ChorusDb } from '../storage/db'
import { createCourse } from '../storage/library'
import { readSetting, writeSetting } from '../storage/settings'
import { saveRelayLink } from '../sync/relay-links'
import { DEFAULT_NAME, localUserId, readCourseIdentity } from './identity'
import { readTokenClaims } from '../../../shared/protocol/token'

const freshDb = (): ChorusDb =>
  openChorusDb('chorus-identity-test', { indexedDB: new IDBFactory(), IDBKeyRange })

/** Signed like the relay's tokens (relay-server/src/auth.ts); the app reads them without the secret. */
const token = (claims: { sub: string; name: string; course: string; role: Role }): Promise<string> =>
  new SignJWT({ name: claims.name, course: claims.course, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('a secret the app never sees, long enough for HS256'))

/** A team invite's token, as `npm run relay -- token --team` signs it. */
const teamToken = (claims: { sub: string; name: string; team: string; role: TeamRole }): Promise<string> =>
  new SignJWT({ name: claims.name, team: claims.team, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('a secret the app never sees, long enough for HS256'))

async function joined(db: ChorusDb, courseId: CourseId, jwt: string): Promise<void> {
  await saveRelayLink(db, { courseId, relayUrl: 'ws://127.0.0.1:1', token: jwt })
}

describe('readTokenClaims', () => {
  it('reads the claims of a signed token, names with any characters included', async () => {
    const jwt = await token({ sub: 'u-1', name: 'Zoë Ωmega 🌱', course: 'c1', role: 'reviewer' })
    expect(readTokenClaims(jwt)).toMatchObject({
      sub: 'u-1',
      name: 'Zoë Ωmega 🌱',
      course: 'c1',
      role: 'reviewer',
    })
  })

  it.each(['', 'not-a-token', 'a.b', 'a.%%%.c', `x.${btoa('{"sub":"u"}')}.y`, `x.${btoa('[1')}.y`])(
    'returns null for %j',
    (text) => {
      expect(readTokenClaims(text)).toBeNull()
    },
  )
})

describe('localUserId', () => {
  it('creates one id, stores it as a setting and returns the same one afterwards', async () => {
    const db = freshDb()
    const [first, second] = await Promise.all([localUserId(db), localUserId(db)])
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(second).toBe(first)
    expect(await readSetting(db, 'userId')).toBe(first)
    expect(await localUserId(db)).toBe(first)
  })
})

describe('readCourseIdentity', () => {
  it('makes the local user the author of a course on this device only', async () => {
    const db = freshDb()
    const id = await createCourse(db, { title: 'Local' })
    expect(await readCourseIdentity(db, id)).toEqual({
      me: { id: await localUserId(db), name: DEFAULT_NAME },
      role: 'author',
    })
    await writeSetting(db, 'displayName', 'Ada Lovelace')
    expect((await readCourseIdentity(db, id)).me.name).toBe('Ada Lovelace')
  })

  it.each(['author', 'reviewer', 'viewer'] as const)(
    'takes the user id and role %s from the token of a joined course',
    async (role) => {
      const db = freshDb()
      const id = await createCourse(db, { title: 'Shared' })
      await joined(db, id, await token({ sub: 'u-42', name: 'Jo from the invite', course: id, role }))
      expect(await readCourseIdentity(db, id)).toEqual({
        me: { id: 'u-42', name: 'Jo from the invite' },
        role,
      })
    },
  )

  it('in a shared course, names the user as their invite does, as the relay shows them to others', async () => {
    const db = freshDb()
    const id = await createCourse(db, { title: 'Shared' })
    await joined(
      db,
      id,
      await token({ sub: 'u-42', name: 'Jo from the invite', course: '*', role: 'reviewer' }),
    )
    await writeSetting(db, 'displayName', '  Jo  ')
    expect(await readCourseIdentity(db, id)).toEqual({
      me: { id: 'u-42', name: 'Jo from the invite' },
      role: 'reviewer',
    })
  })

  it('falls back to the chosen display name for an invite without a name', async () => {
    const db = freshDb()
    const id = await createCourse(db, { title: 'Shared' })
    await joined(db, id, await token({ sub: 'u-42', name: ' ', course: '*', role: 'reviewer' }))
    await writeSetting(db, 'displayName', '  Jo  ')
    expect((await readCourseIdentity(db, id)).me).toEqual({ id: 'u-42', name: 'Jo' })
  })

  it('reads an unreadable token, or one for another course, as a viewer’s', async () => {
    const db = freshDb()
    const garbled = await createCourse(db, { title: 'Garbled' })
    await joined(db, garbled, 'garbage')
    expect((await readCourseIdentity(db, garbled)).role).toBe('viewer')
    const other = await createCourse(db, { title: 'Other' })
    await joined(
      db,
      other,
      await token({ sub: 'u-1', name: 'Jo', course: 'someOtherCourse', role: 'author' }),
    )
    expect(await readCourseIdentity(db, other)).toEqual({
      me: { id: await localUserId(db), name: DEFAULT_NAME },
      role: 'viewer',
    })
  })

  it.each([
    ['member', 'learner'],
    ['expert', 'author'],
    ['lead', 'author'],
  ] as const)(
    'in a team course, a team %s is its %s, under the team invite’s name and id',
    async (teamRole, role) => {
      const db = freshDb()
      const id = await createCourse(db, { title: 'Team course' })
      await joined(
        db,
        id,
        await teamToken({ sub: 'u-7', name: 'Ana from the team', team: 'sales', role: teamRole }),
      )
      await writeSetting(db, 'displayName', 'Someone else')
      expect(await readCourseIdentity(db, id)).toEqual({ me: { id: 'u-7', name: 'Ana from the team' }, role })
    },
  )
})
