/**
 * The app's export and the course's history: an author's package carries the next publish number and, once saved,
 * an 'export' version records it; a cancelled save records nothing; a reviewer's package carries no number.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection } from '../../../../shared/course/commands'
import { ok } from '../../../../shared/errors'
import { listVersions } from '../../../../shared/history/history-doc'
import type { Platform } from '../../../../shared/platform'
import type { HistorySession } from '../../history/history-session'
import { openCourseStore } from '../../storage/course-store'
import { openChorusDb } from '../../storage/db'
import { createCourse } from '../../storage/library'
import { runExport } from './run-export'

/** Only the save dialog is stood in for: it keeps what would have been written, or answers as a cancel. */
function savingPlatform(saved: Uint8Array[], answer: 'save' | 'cancel'): Platform {
  return {
    kind: 'browser',
    saveFile: (request) => {
      if (answer === 'save') saved.push(request.bytes)
      return Promise.resolve(ok({ saved: answer === 'save' }))
    },
    openFile: () => Promise.resolve(ok(null)),
    openExternal: () => Promise.resolve(),
    onMenuCommand: () => () => undefined,
    onInviteLink: () => () => undefined,
  }
}

const manifestVersion = (zip: Uint8Array): string | undefined =>
  /<manifest identifier="[^"]+" version="(\d+)"/.exec(
    strFromU8(unzipSync(zip)['imsmanifest.xml'] ?? new Uint8Array()),
  )?.[1]

describe('runExport with the course history', () => {
  it('numbers an author’s packages 1, 2… and records each saved one as an export version', async () => {
    const db = openChorusDb('chorus-run-export-test', { indexedDB: new IDBFactory(), IDBKeyRange })
    const store = await openCourseStore(db, await createCourse(db, { title: 'Soils' }))
    addLesson(store.doc, { sectionId: addSection(store.doc, { title: 'Basics' }), title: 'Loam' })
    const history = new Y.Doc()
    const session = (canWrite: boolean): HistorySession => ({
      history,
      course: store.doc,
      me: { id: 'ann', name: 'Ann' },
      canWrite,
      versions: [],
      sync: null,
    })
    const saved: Uint8Array[] = []
    const run = (answer: 'save' | 'cancel', canWrite = true) =>
      runExport(db, savingPlatform(saved, answer), store.doc, 'scorm12', () => undefined, session(canWrite))

    expect(await run('save')).toMatchObject({ ok: true, value: { saved: true, publishNumber: 1 } })
    expect(await run('cancel')).toMatchObject({ ok: true, value: { saved: false } })
    expect(await run('save')).toMatchObject({ ok: true, value: { saved: true, publishNumber: 2 } })
    expect(saved.map(manifestVersion)).toEqual(['1', '2'])
    expect(listVersions(history).map((v) => [v.reason, v.published])).toEqual([
      ['export', { number: 2, format: 'scorm12' }],
      ['export', { number: 1, format: 'scorm12' }],
    ])

    // A reviewer cannot write the history: the package carries no number and nothing is recorded.
    expect(await run('save', false)).toMatchObject({ ok: true, value: { saved: true, publishNumber: null } })
    expect(listVersions(history)).toHaveLength(2)
    await store.close()
  })
})
