/**
 * Publishing from the server: `chorus-relay.mjs export` (the bundle, as an operator runs it) packages the relay's
 * stored copy of a course — its document and its media, synced in by a stock y-websocket client and the media
 * upload the app uses — and the manifest passes the official SCORM schemas.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeCourseFile, type DecodedCourseFile } from '../../shared/course-file/decode'
import { readCourse } from '../../shared/course/read'
import type { CourseId } from '../../shared/course/types'
import { mediaBlobUrl } from '../../shared/protocol/media'
import { SAMPLE_FILE, unzipToTemp, validateManifest } from './export-package-support'
import {
  connectClient,
  destroyClients,
  killRelays,
  runCli,
  startRelay,
  storedDoc,
  tempDir,
  tokenFor,
  waitFor,
} from './relay-harness'

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

let sample: DecodedCourseFile
let courseId: CourseId

beforeAll(async () => {
  const decoded = await decodeCourseFile(await readFile(SAMPLE_FILE))
  if (!decoded.ok) throw new Error(decoded.error.message)
  sample = decoded.value
  courseId = readCourse(sample.doc).meta.id
  expect(sample.media.size).toBeGreaterThan(0)
})

afterEach(async () => {
  destroyClients()
  await killRelays()
})

/** A relay's data directory holding the sample course, synced and uploaded as the app does; the relay stopped. */
const relayWithCourse = async (): Promise<string> => {
  const relay = await startRelay()
  const token = await tokenFor(courseId, 'author')
  const client = connectClient(relay.url, courseId, token)
  await client.synced()
  Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(sample.doc))
  const want = readCourse(client.doc)
  await waitFor(
    () => JSON.stringify(readCourse(storedDoc(relay.dataDir, courseId))) === JSON.stringify(want),
    10_000,
    'the relay to store the course',
  )
  for (const [hash, blob] of sample.media) {
    const response = await fetch(mediaBlobUrl(relay.url, courseId, hash, token), {
      method: 'PUT',
      headers: { 'content-type': blob.mime },
      body: new Uint8Array(blob.bytes),
    })
    expect(response.ok, `upload of ${hash}: ${response.status}`).toBe(true)
  }
  client.destroy()
  expect(await relay.stop()).toBe(0)
  return relay.dataDir
}

const exportFrom = (dataDir: string, format: string, out: string, course: string = courseId) =>
  runCli(['export', '--data', dataDir, '--course', course, '--format', format, '--out', out], {})

describe('relay export (server-side publishing)', () => {
  it('packages the stored course with its media as SCORM 2004 and 1.2, each manifest valid', async () => {
    const dataDir = await relayWithCourse()
    for (const format of ['scorm2004', 'scorm12'] as const) {
      const out = join(tempDir(), `course-${format}.zip`)
      const result = await exportFrom(dataDir, format, out)
      expect(result.code, result.stderr).toBe(0)
      expect(result.stdout.trim()).toBe(out)
      const zip = await readFile(out)
      const dir = await unzipToTemp(zip)
      const validation = await validateManifest(join(dir, 'imsmanifest.xml'), format)
      expect(validation.code, validation.output).toBe(0)
      const files = unzipSync(zip)
      for (const [hash, blob] of sample.media) {
        const path = Object.keys(files).find((name) => name.startsWith(`media/${hash}.`))
        expect(path, `media/${hash}.* in the ${format} zip`).toBeDefined()
        expect(sha256(files[path ?? ''] ?? new Uint8Array())).toBe(sha256(blob.bytes))
      }
      expect(result.stderr).not.toContain('warning')
    }
  })

  it('exports the web format, and a media the relay lacks shows as missing with a warning', async () => {
    const relay = await startRelay()
    const client = connectClient(relay.url, courseId, await tokenFor(courseId, 'author'))
    await client.synced()
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(sample.doc))
    await waitFor(
      () =>
        readCourse(storedDoc(relay.dataDir, courseId)).sections.length ===
        readCourse(sample.doc).sections.length,
      10_000,
      'the relay to store the course',
    )
    // No media uploaded: the document names images the relay does not hold.
    await relay.stop()
    const out = join(tempDir(), 'site.zip')
    const result = await exportFrom(relay.dataDir, 'web', out)
    expect(result.code, result.stderr).toBe(0)
    expect(Object.keys(unzipSync(await readFile(out)))).toContain('index.html')
    expect(result.stderr).toContain("not in the relay's store")
  })

  it('exits 1 for a course the relay does not hold or a store it cannot read, and writes nothing', async () => {
    const dataDir = await relayWithCourse()
    const dir = tempDir()
    const unknown = await exportFrom(dataDir, 'scorm12', join(dir, 'a.zip'), 'NoSuchCourse')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('[course-not-found]')

    const missingStore = join(tempDir(), 'not-a-relay')
    const unreadable = await exportFrom(missingStore, 'scorm12', join(dir, 'b.zip'))
    expect(unreadable.code).toBe(1)
    expect(unreadable.stderr).toContain('[storage-failed]')
    expect(existsSync(missingStore)).toBe(false)

    // A good zip already at --out stays as it was when the new one cannot be written.
    await writeFile(join(dir, 'keep.zip'), 'previous export')
    const blocked = await exportFrom(dataDir, 'scorm12', join(dir, 'no-such-dir', 'c.zip'))
    expect(blocked.code).toBe(1)
    expect(blocked.stderr).toContain('[file-write-failed]')
    expect(await readdir(dir)).toEqual(['keep.zip'])
    expect(await readFile(join(dir, 'keep.zip'), 'utf8')).toBe('previous export')
  })

  it('exits 2 on a wrong command line, saying how to use it', async () => {
    const dataDir = tempDir()
    const out = join(dataDir, 'x.zip')
    for (const args of [
      ['export', '--data', dataDir, '--format', 'scorm12', '--out', out],
      ['export', '--data', dataDir, '--course', 'C1', '--format', 'pdf', '--out', out],
      ['export', '--data', dataDir, '--course', 'C1', '--format', 'web'],
      ['export', '--data', dataDir, '--course', 'C1', '--format', 'web', '--out', out, '--bogus'],
      ['export', '--data', dataDir, '--course', '../etc', '--format', 'web', '--out', out],
    ]) {
      const result = await runCli(args, {})
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toContain('Usage: npm run relay -- export')
    }
    expect(existsSync(out)).toBe(false)
    const help = await runCli(['export', '--help'], {})
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: npm run relay -- export')
    expect((await runCli(['--help'], {})).stdout).toContain('export (a stored course as a SCORM or web zip)')
  })
})
