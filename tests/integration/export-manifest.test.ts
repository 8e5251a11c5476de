/**
 * SCORM manifests of the shipped sample course, checked as an LMS importer would: valid against the official
 * XSDs (xmllint, offline, in-repo copies), every listed file in the zip and every packaged file listed, the
 * structure and version-specific spellings LMSs rely on, and an identifier that survives re-export.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { renameLesson } from '../../shared/course/commands'
import { decodeCourseFile } from '../../shared/course-file/decode'
import { exportInputFromDoc } from '../../shared/export/from-doc'
import type { ExportInput } from '../../shared/export/types'
import { buildCourseDoc } from '../fixtures/course-builder'
import { doc, p, question } from '../fixtures/content'
import {
  exportZip,
  SAMPLE_FILE,
  sampleInput,
  SCHEMAS,
  unzipToTemp,
  validateManifest,
  xpath,
} from './export-package-support'

const el = (name: string): string => `*[local-name()='${name}']`
const ADLCP = {
  scorm12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  scorm2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
}
const attr = (name: string, ns: string): string => `@*[local-name()='${name}' and namespace-uri()='${ns}']`

const filesUnder = async (dir: string, prefix = ''): Promise<string[]> => {
  const out: string[] = []
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, path)))
    else out.push(path)
  }
  return out.sort()
}

const manifestOf = async (
  input: ExportInput,
  format: 'scorm12' | 'scorm2004',
): Promise<{ dir: string; manifest: string }> => {
  const dir = await unzipToTemp(await exportZip(input, format))
  return { dir, manifest: join(dir, 'imsmanifest.xml') }
}

let sample: ExportInput

beforeAll(async () => {
  sample = await sampleInput()
})

describe.each(['scorm12', 'scorm2004'] as const)('%s manifest', (format) => {
  let dir: string
  let manifest: string

  beforeAll(async () => {
    ;({ dir, manifest } = await manifestOf(sample, format))
  })

  it('validates against the official XSDs', async () => {
    const result = await validateManifest(manifest, format)
    expect(result.output).toContain('imsmanifest.xml validates')
    expect(result.code).toBe(0)
  })

  it('lists every file of the SCO, and every listed file is in the zip', async () => {
    const listed = (await xpath(manifest, `//${el('file')}/@href`))
      .split(/\s+/)
      .map((a) => a.replace(/^href="|"$/g, ''))
    const packaged = await filesUnder(dir)
    for (const href of listed) expect(packaged).toContain(href)
    const schemaFiles = await readdir(join(SCHEMAS, format))
    const unlisted = packaged.filter(
      (f) => !listed.includes(f) && f !== 'imsmanifest.xml' && !schemaFiles.includes(f),
    )
    expect(unlisted).toEqual([])
    expect(listed).toContain('index.html')
    expect(listed.filter((f) => f.startsWith('media/'))).toHaveLength(3)
  })

  it('carries the schema files it names at the package root, unmodified', async () => {
    const locations = (
      await xpath(manifest, `string(/${el('manifest')}/@*[local-name()='schemaLocation'])`)
    ).split(/\s+/)
    const named = locations.filter((_, i) => i % 2 === 1)
    expect(named.length).toBeGreaterThanOrEqual(2)
    for (const file of named) {
      expect(await readFile(join(dir, file))).toEqual(await readFile(join(SCHEMAS, format, file)))
    }
  })

  it('wraps the course in one non-launchable root item around the one SCO', async () => {
    const org = `/${el('manifest')}/${el('organizations')}/${el('organization')}`
    expect(await xpath(manifest, `count(${org})`)).toBe('1')
    expect(await xpath(manifest, `string(/${el('manifest')}/${el('organizations')}/@default)`)).toBe(
      await xpath(manifest, `string(${org}/@identifier)`),
    )
    expect(await xpath(manifest, `count(${org}/${el('item')})`)).toBe('1')
    expect(await xpath(manifest, `count(${org}/${el('item')}/@identifierref)`)).toBe('0')
    expect(await xpath(manifest, `count(${org}/${el('item')}/${el('item')})`)).toBe('1')
    expect(await xpath(manifest, `string(${org}/${el('item')}/${el('item')}/@identifierref)`)).toBe(
      await xpath(manifest, `string(//${el('resource')}/@identifier)`),
    )
    expect(await xpath(manifest, `count(${org}/${el('title')})`)).toBe('1')
    expect(await xpath(manifest, `count(//${el('item')}[count(${el('title')}) != 1])`)).toBe('0')
    expect(await xpath(manifest, `string(${org}/${el('title')})`)).toBe('Onboarding to Ledgerly billing')
    expect(await xpath(manifest, `string(//${el('resource')}/@href)`)).toBe('index.html')
  })

  it('declares itself ADL SCORM of the right version, with the version’s spelling of scormType', async () => {
    expect(await xpath(manifest, `string(//${el('metadata')}/${el('schema')})`)).toBe('ADL SCORM')
    expect(await xpath(manifest, `string(//${el('metadata')}/${el('schemaversion')})`)).toBe(
      format === 'scorm12' ? '1.2' : '2004 4th Edition',
    )
    const right = format === 'scorm12' ? 'scormtype' : 'scormType'
    const wrong = format === 'scorm12' ? 'scormType' : 'scormtype'
    expect(await xpath(manifest, `count(//${el('resource')}[${attr(right, ADLCP[format])}='sco'])`)).toBe('1')
    expect(await xpath(manifest, `count(//${el('resource')}/@*[local-name()='${wrong}'])`)).toBe('0')
  })

  it('carries the passing score the version’s way', async () => {
    if (format === 'scorm12') {
      expect(await xpath(manifest, `string(//${el('item')}/${el('masteryscore')})`)).toBe('80')
    } else {
      const objective = `//${el('item')}/${el('sequencing')}/${el('objectives')}/${el('primaryObjective')}`
      expect(await xpath(manifest, `string(${objective}/@satisfiedByMeasure)`)).toBe('true')
      expect(await xpath(manifest, `string(${objective}/${el('minNormalizedMeasure')})`)).toBe('0.8')
    }
  })

  it('keeps its identifier across re-exports of the same course, and only that course', async () => {
    const decoded = await decodeCourseFile(await readFile(SAMPLE_FILE))
    if (!decoded.ok) throw new Error(decoded.error.message)
    const edited = decoded.value.doc
    const [firstLesson] = exportInputFromDoc(edited, decoded.value.media).course.sections.flatMap(
      (s) => s.lessons,
    )
    if (!firstLesson) throw new Error('the sample has lessons')
    renameLesson(edited, firstLesson.id, 'Welcome aboard')
    const again = await manifestOf(exportInputFromDoc(edited, decoded.value.media), format)
    const id = `string(/${el('manifest')}/@identifier)`
    expect(await xpath(again.manifest, id)).toBe(await xpath(manifest, id))
    expect(await xpath(manifest, id)).toBe('chorus-LedgerlySampleCourse01')

    const other = buildCourseDoc({
      title: 'Other',
      sections: [{ title: 'S', lessons: [{ title: 'L', body: doc(p('x')) }] }],
    })
    const otherManifest = await manifestOf(exportInputFromDoc(other, new Map()), format)
    expect(await xpath(otherManifest.manifest, id)).not.toBe(await xpath(manifest, id))
  })
})

describe('manifests of unusual courses', () => {
  it('stay valid with markup characters in titles and without questions (and then carry no passing score)', async () => {
    const course = buildCourseDoc({
      title: 'Q&A <basics> "2026" — café',
      sections: [{ title: 'A & B', lessons: [{ title: '<Intro>', body: doc(p('No questions here.')) }] }],
    })
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const { manifest } = await manifestOf(exportInputFromDoc(course, new Map()), format)
      expect((await validateManifest(manifest, format)).code).toBe(0)
      expect(await xpath(manifest, `string(//${el('organization')}/${el('title')})`)).toBe(
        'Q&A <basics> "2026" — café',
      )
      expect(
        await xpath(manifest, `count(//${el('masteryscore')} | //${el('sequencing')}/${el('objectives')})`),
      ).toBe('0')
    }
  })

  it('stay valid carrying a publish number, which both show as the manifest version and 2004 as LOM’s too', async () => {
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const { manifest } = await manifestOf({ ...sample, publishNumber: 12 }, format)
      const result = await validateManifest(manifest, format)
      expect(result.output).toContain('imsmanifest.xml validates')
      expect(await xpath(manifest, `string(/${el('manifest')}/@version)`)).toBe('12')
    }
    const { manifest } = await manifestOf({ ...sample, publishNumber: 12 }, 'scorm2004')
    const lom = `/${el('manifest')}/${el('metadata')}/${el('lom')}`
    expect(await xpath(manifest, `string(${lom}/${el('lifeCycle')}/${el('version')}/${el('string')})`)).toBe(
      '12',
    )
  })

  it('a course of only questions validates too', async () => {
    const course = buildCourseDoc({
      title: 'Quiz',
      passingScore: 50,
      sections: [
        {
          title: 'S',
          lessons: [{ title: 'Q', body: doc(question({ id: 'q1', prompt: '1+1?', choices: ['*2', '3'] })) }],
        },
      ],
    })
    const { manifest } = await manifestOf(exportInputFromDoc(course, new Map()), 'scorm2004')
    expect((await validateManifest(manifest, 'scorm2004')).code).toBe(0)
    expect(await xpath(manifest, `string(//${el('minNormalizedMeasure')})`)).toBe('0.5')
  })

  it('the validator rejects what LMSs reject: the other version’s spelling, an unscaled measure', async () => {
    const v12 = await manifestOf(sample, 'scorm12')
    const text12 = await readFile(v12.manifest, 'utf8')
    await writeFile(v12.manifest, text12.replace('adlcp:scormtype=', 'adlcp:scormType='))
    const bad12 = await validateManifest(v12.manifest, 'scorm12')
    expect(bad12.code).not.toBe(0)
    expect(bad12.output).toContain('scormType')

    const v2004 = await manifestOf(sample, 'scorm2004')
    const text2004 = await readFile(v2004.manifest, 'utf8')
    await writeFile(v2004.manifest, text2004.replace('>0.8<', '>80<'))
    expect((await validateManifest(v2004.manifest, 'scorm2004')).code).not.toBe(0)
  })
})
