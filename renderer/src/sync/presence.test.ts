import { describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { caretColour, onePerPerson, peersOf } from './presence'

/** A viewer's awareness holding these people's states as the relay relays them (user id set from the token). */
const viewerWith = (...people: { id: string; name: string; colour: string }[]): Awareness => {
  const viewer = new Awareness(new Y.Doc())
  for (const user of people) {
    const other = new Awareness(new Y.Doc())
    other.setLocalState({ user })
    applyAwarenessUpdate(viewer, encodeAwarenessUpdate(other, [other.clientID]), 'relay')
    other.destroy()
  }
  return viewer
}

describe('caretColour', () => {
  it('draws each co-author’s caret in the colour "People online" shows, distinct when they chose the same', () => {
    const blue = '#3b6fd4'
    const viewer = viewerWith(
      { id: 'ada', name: 'Ada', colour: blue },
      { id: 'ben', name: 'Ben', colour: blue },
      { id: 'cy', name: 'Cy', colour: '#15803d' },
    )
    const carets = ['ada', 'ben', 'cy'].map((id) => caretColour(viewer, { id, name: id, colour: blue }))
    expect(carets[0]).toBe(blue)
    expect(carets[2]).toBe('#15803d')
    expect(new Set(carets).size).toBe(3)
    viewer.destroy()
  })

  it('keeps the chosen colour of a caret without a user id (a relay in open mode), and draws nothing for junk', () => {
    const viewer = viewerWith()
    expect(caretColour(viewer, { name: 'Ada', colour: '#c2410c' })).toBe('#c2410c')
    expect(caretColour(viewer, { name: 42 })).toBe('transparent')
    viewer.destroy()
  })
})

describe('onePerPerson', () => {
  it('lists someone with the course open in two windows once, and this window’s user first', () => {
    const viewer = viewerWith(
      { id: 'ben', name: 'Ben', colour: '#15803d' },
      { id: 'ada', name: 'Ada', colour: '#3b6fd4' },
      { id: 'ben', name: 'Ben', colour: '#15803d' },
    )
    viewer.setLocalState({ user: { id: 'cy', name: 'Cy', colour: '#c2410c' } })
    const peers = peersOf(viewer)
    expect(peers.map((peer) => peer.name)).toEqual(['Cy', 'Ada', 'Ben', 'Ben'])
    expect(onePerPerson(peers).map((peer) => [peer.name, peer.self])).toEqual([
      ['Cy', true],
      ['Ada', false],
      ['Ben', false],
    ])
    viewer.destroy()
  })
})
