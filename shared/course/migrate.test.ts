import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCourse } from './commands'
import { newCourseId } from './ids'
import { migrate, schemaStatus } from './migrate'
import { CURRENT_SCHEMA_VERSION } from './schema'

const withVersion = (version: unknown): Y.Doc => {
  const doc = new Y.Doc()
  createCourse(doc, { id: newCourseId(), title: 'Course' })
  doc.getMap('meta').set('schemaVersion', version)
  return doc
}

describe('schema version', () => {
  it('reports an empty document as uninitialised', () => {
    expect(schemaStatus(new Y.Doc())).toEqual({ kind: 'uninitialised' })
  })

  it('stamps new courses with the current version', () => {
    const doc = withVersion(CURRENT_SCHEMA_VERSION)
    expect(schemaStatus(doc)).toEqual({ kind: 'current' })
  })

  it('reports a newer document as too new, and migrate leaves it untouched', () => {
    const doc = withVersion(CURRENT_SCHEMA_VERSION + 1)
    const before = Y.encodeStateAsUpdate(doc)
    expect(schemaStatus(doc)).toEqual({ kind: 'too-new', version: CURRENT_SCHEMA_VERSION + 1 })
    expect(migrate(doc)).toEqual({ kind: 'too-new', version: CURRENT_SCHEMA_VERSION + 1 })
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('treats a version no Chorus writes as too new, so it is never edited', () => {
    expect(schemaStatus(withVersion('1')).kind).toBe('too-new')
    expect(schemaStatus(withVersion(0)).kind).toBe('too-new')
    expect(schemaStatus(withVersion(1.5)).kind).toBe('too-new')
  })

  it('does not write to a current or uninitialised document', () => {
    for (const doc of [withVersion(CURRENT_SCHEMA_VERSION), new Y.Doc()]) {
      const before = Y.encodeStateVector(doc)
      migrate(doc)
      expect(Y.encodeStateVector(doc)).toEqual(before)
    }
  })
})
