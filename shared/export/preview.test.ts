import { describe, expect, it } from 'vitest'
import { mediaSample } from '../../tests/fixtures/media-bytes'
import type { CourseId, LessonId, SectionId } from '../course/types'
import { playerScript } from './player'
import { renderPreviewDocument } from './preview'
import type { ExportInput } from './types'

const HASH = 'e'.repeat(64)

const input: ExportInput = {
  course: {
    meta: {
      id: 'c' as CourseId,
      title: 'Preview me',
      description: '',
      language: 'de',
      authors: [],
      createdAt: 0,
      updatedAt: 0,
      settings: { passingScore: 80, completionRule: 'passing-score', askLessonReactions: false },
    },
    sections: [
      {
        id: 's' as SectionId,
        title: 'S',
        lessons: [{ id: 'l' as LessonId, title: 'L', sectionId: 's' as SectionId }],
      },
    ],
  },
  lessons: new Map([
    ['l' as LessonId, { type: 'doc', content: [{ type: 'image', attrs: { hash: HASH, alt: 'x' } }] }],
  ]),
  media: new Map([[HASH, { bytes: mediaSample('png'), mime: 'image/png' }]]),
}

describe('renderPreviewDocument', () => {
  it('is one self-contained page running the export’s player standalone', async () => {
    const page = await renderPreviewDocument(input, (hash) => `blob:preview/${hash}`)
    if (!page.ok) throw new Error(page.error.message)
    expect(page.value).toContain(`<script>${playerScript}</script>`)
    expect(page.value).toContain('<style>')
    expect(page.value).not.toMatch(/<script src=|<link rel="stylesheet"/)
    expect(page.value).toContain(`<img src="blob:preview/${HASH}" alt="x">`)
    expect(page.value).toContain('"runtime":"standalone"')
    expect(page.value).toContain('<html lang="de">')
    // The app's "Close preview" is the one way out: the package's Exit is left out.
    expect(page.value).not.toContain('id="chorus-exit"')
  })

  it('cannot be broken out of by course text', async () => {
    const hostile: ExportInput = {
      ...input,
      course: {
        ...input.course,
        meta: { ...input.course.meta, title: '</script><script>alert(1)</script>' },
      },
    }
    const page = await renderPreviewDocument(hostile, () => 'blob:x')
    if (!page.ok) throw new Error(page.error.message)
    expect(page.value).not.toContain('<script>alert(1)')
    expect(page.value.match(/<\/script>/g)).toHaveLength(2)
  })
})
