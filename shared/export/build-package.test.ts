import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { mediaSample, SCRIPTED_HTML, SCRIPTED_SVG } from '../../tests/fixtures/media-bytes'
import type { ContentNode } from '../course/content'
import type { CourseId, CourseSnapshot, LessonId, SectionId } from '../course/types'
import { buildPackage } from './build-package'
import { exportCourse } from './export-course'
import type { ExportInput, ExportProgress, MediaBlob } from './types'

const PNG_HASH = 'b'.repeat(64)
const GONE_HASH = 'c'.repeat(64)

const snapshot = (lessonCount: number, title = 'Billing basics'): CourseSnapshot => ({
  meta: {
    id: 'course_1' as CourseId,
    title,
    description: '',
    language: 'en',
    authors: [],
    createdAt: 0,
    updatedAt: Date.UTC(2026, 0, 1),
    settings: { passingScore: 75, completionRule: 'all-lessons-viewed', askLessonReactions: false },
  },
  sections: [
    {
      id: 's1' as SectionId,
      title: 'Section',
      lessons: Array.from({ length: lessonCount }, (_, i) => ({
        id: `l${i}` as LessonId,
        title: `Lesson ${i}`,
        sectionId: 's1' as SectionId,
      })),
    },
  ],
})

const body = (...content: ContentNode[]): ContentNode => ({ type: 'doc', content })

const input = (lessons: Record<string, ContentNode>, count = Object.keys(lessons).length): ExportInput => ({
  course: snapshot(count),
  lessons: new Map(Object.entries(lessons) as [LessonId, ContentNode][]),
  media: new Map<string, MediaBlob>([
    [PNG_HASH, { bytes: mediaSample('png'), mime: 'image/png' }],
    ['d'.repeat(64), { bytes: mediaSample('gif'), mime: 'image/gif' }],
  ]),
})

const text = (files: ReadonlyMap<string, Uint8Array>, path: string): string =>
  strFromU8(files.get(path) ?? new Uint8Array())

const withImages = input({
  l0: body({ type: 'image', attrs: { hash: PNG_HASH, alt: 'chart', mime: 'image/png' } }),
  l1: body({ type: 'image', attrs: { hash: GONE_HASH, alt: 'gone', mime: 'image/png' } }),
})

describe('buildPackage', () => {
  it('SCORM packages hold the manifest, its schemas, the player and only the media lessons use', async () => {
    const built = await buildPackage(withImages, 'scorm12')
    if (!built.ok) throw new Error(built.error.message)
    expect([...built.value.files.keys()]).toEqual([
      'imsmanifest.xml',
      'imscp_rootv1p1p2.xsd',
      'adlcp_rootv1p2.xsd',
      'ims_xml.xsd',
      'index.html',
      'player.js',
      'player.css',
      `media/${PNG_HASH}.png`,
    ])
    expect(built.value.missingMedia).toEqual([GONE_HASH])
    const page = text(built.value.files, 'index.html')
    expect(page).toContain(`<img src="media/${PNG_HASH}.png" alt="chart">`)
    expect(page).toContain('"runtime":"scorm12"')
  })

  it('the web export is the player alone, running standalone', async () => {
    const built = await buildPackage(withImages, 'web')
    if (!built.ok) throw new Error(built.error.message)
    expect([...built.value.files.keys()]).toEqual([
      'index.html',
      'player.js',
      'player.css',
      `media/${PNG_HASH}.png`,
    ])
    expect(text(built.value.files, 'index.html')).toContain('"runtime":"standalone"')
  })

  it('writes the mastery score only for a course with questions', async () => {
    const question: ContentNode = {
      type: 'question',
      attrs: {
        id: 'q',
        kind: 'true-false',
        prompt: 'Sky is blue?',
        choices: [
          { id: 't', text: 'True', correct: true },
          { id: 'f', text: 'False', correct: false },
        ],
      },
    }
    const manifest = async (lesson: ContentNode): Promise<string> => {
      const built = await buildPackage(input({ l0: lesson }), 'scorm12')
      if (!built.ok) throw new Error(built.error.message)
      return text(built.value.files, 'imsmanifest.xml')
    }
    expect(await manifest(body(question))).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>')
    expect(await manifest(body())).not.toContain('masteryscore')
  })

  it('asks for lesson reactions only when the course does, with the manifest unchanged either way', async () => {
    const asking: ExportInput = {
      ...withImages,
      course: {
        ...withImages.course,
        meta: {
          ...withImages.course.meta,
          settings: { ...withImages.course.meta.settings, askLessonReactions: true },
        },
      },
    }
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const [off, on] = await Promise.all([buildPackage(withImages, format), buildPackage(asking, format)])
      if (!off.ok || !on.ok) throw new Error('export failed')
      expect(text(on.value.files, 'imsmanifest.xml')).toBe(text(off.value.files, 'imsmanifest.xml'))
      expect(text(off.value.files, 'index.html')).not.toMatch(/chorus-reaction|askReactions/)
      const page = text(on.value.files, 'index.html')
      expect(page).toContain('"askReactions":true')
      expect(page).toContain(
        '<template id="chorus-reaction"><fieldset class="reaction"><legend>Was this lesson helpful?</legend>' +
          '<button type="button" aria-pressed="false" data-reaction="helpful">Helpful</button>' +
          '<button type="button" aria-pressed="false" data-reaction="not-helpful">Not helpful</button>' +
          '<button type="button" aria-pressed="false" data-reaction="confusing">Confusing</button>' +
          '</fieldset></template>',
      )
    }
  })

  it('carries the publish number in the manifest and the player footer, and leaves both alone without one', async () => {
    const pages = async (format: 'scorm12' | 'scorm2004' | 'web', publishNumber?: number) => {
      const built = await buildPackage({ ...withImages, publishNumber }, format)
      if (!built.ok) throw new Error(built.error.message)
      return {
        manifest: text(built.value.files, 'imsmanifest.xml'),
        page: text(built.value.files, 'index.html'),
      }
    }
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const [none, third] = await Promise.all([pages(format), pages(format, 3)])
      expect(none.manifest).toMatch(/<manifest identifier="[^"]+" version="1"/)
      expect(none.manifest).not.toContain('<lom')
      expect(none.page).not.toContain('class="version"')
      expect(third.manifest).toMatch(/<manifest identifier="[^"]+" version="3"/)
      expect(third.page).toContain('<footer class="version">Version 3</footer>')
    }
    expect((await pages('scorm2004', 3)).manifest).toContain('<string language="en">3</string>')
    expect((await pages('web', 2)).page).toContain('<footer class="version">Version 2</footer>')
  })

  it('refuses a course without lessons', async () => {
    const built = await buildPackage(input({}), 'scorm2004')
    expect(built.ok ? null : built.error.code).toBe('export-failed')
  })

  it('never carries SVG or HTML media: a blob is packed as what its bytes are, or left out as missing', async () => {
    const [svg, html, renamed, mislabelled] = ['1', '2', '3', '4'].map((digit) => digit.repeat(64)) as [
      string,
      string,
      string,
      string,
    ]
    const image = (hash: string, mime: string): ContentNode => ({
      type: 'image',
      attrs: { hash, alt: hash.slice(0, 1), mime },
    })
    const built = await buildPackage(
      {
        ...input({
          l0: body(image(svg, 'image/svg+xml'), image(html, 'text/html'), image(renamed, 'image/png')),
        }),
        media: new Map<string, MediaBlob>([
          [svg, { bytes: SCRIPTED_SVG, mime: 'image/svg+xml' }],
          [html, { bytes: SCRIPTED_HTML, mime: 'text/html' }],
          // An SVG stored as a PNG, and a PNG stored as an SVG.
          [renamed, { bytes: SCRIPTED_SVG, mime: 'image/png' }],
          [mislabelled, { bytes: mediaSample('png'), mime: 'image/svg+xml' }],
        ]),
      },
      'scorm2004',
    )
    if (!built.ok) throw new Error(built.error.message)
    const paths = [...built.value.files.keys()]
    expect(paths.filter((path) => path.startsWith('media/'))).toEqual([])
    expect(paths.filter((path) => /\.(svg|html?)$/.test(path))).toEqual(['index.html'])
    expect(built.value.missingMedia).toEqual([svg, html, renamed])
    expect(text(built.value.files, 'index.html')).not.toContain('<script>fetch')

    const relabelled = await buildPackage(
      {
        ...input({ l0: body(image(mislabelled, 'image/svg+xml')) }),
        media: new Map([[mislabelled, { bytes: mediaSample('png'), mime: 'image/svg+xml' }]]),
      },
      'web',
    )
    if (!relabelled.ok) throw new Error(relabelled.error.message)
    expect([...relabelled.value.files.keys()]).toContain(`media/${mislabelled}.png`)
  })

  it('reports progress through lessons, media and zipping, waiting for each report', async () => {
    const seen: ExportProgress[] = []
    const exported = await exportCourse(withImages, 'scorm2004', async (p) => {
      await Promise.resolve()
      seen.push(p)
    })
    expect(exported.ok).toBe(true)
    expect(seen.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
      'lessons 1/2',
      'lessons 2/2',
      'media 1/1',
      'zip 0/1',
      'zip 1/1',
    ])
  })
})

describe('exportCourse', () => {
  it('gives identical bytes for an unchanged course, and a file name from the title', async () => {
    const first = await exportCourse(withImages, 'scorm2004')
    const second = await exportCourse(withImages, 'scorm2004')
    if (!first.ok || !second.ok) throw new Error('export failed')
    expect(second.value.zip).toEqual(first.value.zip)
    expect(first.value.fileName).toBe('billing-basics-scorm2004.zip')
    expect(Object.keys(unzipSync(first.value.zip))).toContain('imsmanifest.xml')
  })

  it('names the file sensibly whatever the title', async () => {
    const named = async (title: string): Promise<string> => {
      const exported = await exportCourse({ ...withImages, course: snapshot(2, title) }, 'web')
      return exported.ok ? exported.value.fileName : ''
    }
    expect(await named('Café: Säfety/101 ')).toBe('cafe-safety-101-web.zip')
    expect(await named('???')).toBe('course-web.zip')
  })
})
