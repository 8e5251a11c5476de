import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardExpectations, replicaOf, sent } from '../../tests/fixtures/guard-harness'
import { doc, p } from '../../tests/fixtures/content'
import { buildCourseDoc } from '../../tests/fixtures/course-builder'
import { checkHistoryUpdate } from './change-guard'
import { HISTORY_ROOT, listVersions, openVersion, registerWriter, takeVersion } from './history-doc'
import type { Person, VersionId } from './types'

const ANN: Person = { id: 'u-ann', name: 'Ann Author' }
const BEN: Person = { id: 'u-ben', name: 'Ben Author' }

const course = (): Y.Doc =>
  buildCourseDoc({
    title: 'Invoicing',
    sections: [{ title: 'Basics', lessons: [{ title: 'Customers', body: doc(p('Every invoice.')) }] }],
  })

const { expectAllowed, expectRefused } = guardExpectations(checkHistoryUpdate)

/** A relay's history holding one version Ann took, and its id. */
const withVersion = () => {
  const relay = new Y.Doc()
  const ann = replicaOf(relay)
  let id = '' as VersionId
  expectAllowed(
    relay,
    sent(ann, () => {
      registerWriter(ann, 1, ANN)
      id = takeVersion(ann, course(), { name: 'Sent to Legal', reason: 'named', by: ANN }).id
    }),
    ANN,
  )
  return { relay, id }
}

describe('checkHistoryUpdate', () => {
  it('lets authors take versions and register themselves as writers', () => {
    const { relay, id } = withVersion()
    const ben = replicaOf(relay)
    expectAllowed(
      relay,
      sent(ben, () => {
        registerWriter(ben, 2, BEN)
        takeVersion(ben, course(), { reason: 'hourly', by: BEN })
      }),
      BEN,
    )
    expect(listVersions(relay).map((version) => version.createdBy.id)).toEqual([BEN.id, ANN.id])
    expect(openVersion(relay, id)).not.toBeNull()
  })

  it('refuses deleting or overwriting a version’s entry or its state, whoever took it', () => {
    const { relay, id } = withVersion()
    const [part] = [...relay.getMap(HISTORY_ROOT.parts).keys()]
    if (part === undefined) throw new Error('the version has no state part')
    const attempts: [string, (client: Y.Doc) => void, RegExp][] = [
      ['delete its entry', (client) => client.getMap(HISTORY_ROOT.versions).delete(id), /version's entry/],
      [
        'rename it',
        (client) => {
          const versions = client.getMap(HISTORY_ROOT.versions)
          versions.set(id, { ...(versions.get(id) as object), name: 'Nothing to see' })
        },
        /version's entry/,
      ],
      ['delete its state', (client) => client.getMap(HISTORY_ROOT.parts).delete(part), /version's state/],
      [
        'replace its state',
        (client) => client.getMap(HISTORY_ROOT.parts).set(part, new Uint8Array([1, 2, 3])),
        /version's state/,
      ],
    ]
    for (const [, change, reason] of attempts)
      for (const writer of [ANN, BEN]) {
        const client = replicaOf(relay)
        expectRefused(
          relay,
          sent(client, () => change(client)),
          writer,
          reason,
        )
      }
    expect(openVersion(relay, id)).not.toBeNull()
    expect(listVersions(relay)[0]?.name).toBe('Sent to Legal')
  })

  it('refuses a value for a saved version’s key even from a client that never saw it (and so deletes nothing)', () => {
    const { relay, id } = withVersion()
    const [part] = [...relay.getMap(HISTORY_ROOT.parts).keys()]
    if (part === undefined) throw new Error('the version has no state part')
    for (const clientID of [1, 2 ** 31]) {
      const stranger = new Y.Doc()
      stranger.clientID = clientID
      stranger.getMap(HISTORY_ROOT.versions).set(id, { forged: true })
      expectRefused(relay, Y.encodeStateAsUpdate(stranger), BEN, /written: a saved version's entry/)
      const other = new Y.Doc()
      other.clientID = clientID
      other.getMap(HISTORY_ROOT.parts).set(part, new Uint8Array([1]))
      expectRefused(relay, Y.encodeStateAsUpdate(other), BEN, /written: a saved version's state/)
      const claim = new Y.Doc()
      claim.clientID = clientID
      registerWriter(claim, 1, BEN)
      expectRefused(relay, Y.encodeStateAsUpdate(claim), BEN, /written: another person's writer entry/)
    }
  })

  it('lets a writer entry be replaced only by the person it names', () => {
    const { relay } = withVersion()
    const ann = replicaOf(relay)
    expectAllowed(
      relay,
      sent(ann, () => registerWriter(ann, 1, { ...ANN, name: 'Ann A. Author' })),
      ANN,
    )
    const ben = replicaOf(relay)
    expectRefused(
      relay,
      sent(ben, () => registerWriter(ben, 1, BEN)),
      BEN,
      /another person's writer entry/,
    )
  })

  it('takes only plain values, as map entries, in the history’s maps', () => {
    const { relay } = withVersion()
    const nested = replicaOf(relay)
    expectRefused(
      relay,
      sent(nested, () => nested.getMap(HISTORY_ROOT.versions).set('sneaky', new Y.Map())),
      ANN,
      /nested type in versions/,
    )
    const listed = replicaOf(relay)
    expectRefused(
      relay,
      sent(listed, () => listed.getArray(HISTORY_ROOT.parts).insert(0, [1])),
      ANN,
      /list entry in parts/,
    )
  })

  it('accepts another author’s versions in a client’s sync, as when a relay lost them', () => {
    const { relay } = withVersion()
    const restored = new Y.Doc()
    expectAllowed(restored, Y.encodeStateAsUpdate(relay), BEN)
    expect(listVersions(restored)).toHaveLength(1)
  })
})
