import { describe, expect, it } from 'vitest'
import { parsePresenceState, withIdentity } from './presence'

const rita = { id: 'u-rita', name: 'Rita' }
const rewrite = (state: unknown): unknown => {
  const json = JSON.stringify(state)
  return JSON.parse(withIdentity(JSON.parse(json), json, rita))
}

describe('withIdentity', () => {
  it("sets user's name and id from the token, keeping its other fields", () => {
    expect(rewrite({ user: { name: 'CEO', colour: '#0af', color: '#0af' }, lessonId: 'l1' })).toEqual({
      user: { name: 'Rita', colour: '#0af', color: '#0af', id: 'u-rita' },
      lessonId: 'l1',
    })
    expect(rewrite({ user: { id: 'u-ceo' } })).toEqual({ user: { id: 'u-rita', name: 'Rita' } })
  })

  it('makes member exactly the token holder', () => {
    expect(rewrite({ member: { id: 'u-ceo', name: 'CEO', admin: true } })).toEqual({
      member: { id: 'u-rita', name: 'Rita' },
    })
    expect(rewrite({ user: 'CEO', member: null })).toEqual({ user: rita, member: rita })
  })

  it('keeps states without identity fields byte for byte', () => {
    const json = '{ "cursor" : {"anchor": 1} }'
    expect(withIdentity(JSON.parse(json), json, rita)).toBe(json)
    for (const other of ['[{"user":{"name":"CEO"}}]', '"CEO"', '42'])
      expect(withIdentity(JSON.parse(other), other, rita)).toBe(other)
  })

  it('treats a "__proto__" key as data', () => {
    const json = '{"__proto__":{"name":"CEO"},"user":{"name":"CEO","__proto__":{"name":"CEO"}}}'
    expect(JSON.parse(withIdentity(JSON.parse(json), json, rita))).toEqual(
      JSON.parse(
        '{"__proto__":{"name":"CEO"},"user":{"name":"Rita","__proto__":{"name":"CEO"},"id":"u-rita"}}',
      ),
    )
  })
})

describe('parsePresenceState', () => {
  it('keeps well-formed fields and reads the rest as null', () => {
    expect(
      parsePresenceState({
        user: { id: 'u-ada', name: 'Ada', colour: '#c2410c', color: '#c2410c' },
        member: { id: 'u-ada', name: 'Ada' },
        lessonId: 'l1',
        cursor: null,
      }),
    ).toEqual({
      user: { id: 'u-ada', name: 'Ada', colour: '#c2410c' },
      member: { id: 'u-ada', name: 'Ada' },
      lessonId: 'l1',
    })
    expect(
      parsePresenceState({ user: { name: 'Bo', colour: '#15803d', id: '' }, member: { id: '' } }),
    ).toEqual({
      user: { name: 'Bo', colour: '#15803d' },
      member: null,
      lessonId: null,
    })
    for (const junk of [null, 'Ada', [], { user: { name: 7, colour: '#fff' }, lessonId: 3 }])
      expect(parsePresenceState(junk)).toEqual({ user: null, member: null, lessonId: null })
  })
})
