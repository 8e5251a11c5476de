/** The sample course shipped with the app: the promised shape, and in step with its generator. */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readLessonContent } from '../../shared/course/content-io'
import { readCourse } from '../../shared/course/read'
import { decodeCourseFile } from '../../shared/course-file/decode'
import { buildSampleCourse, SAMPLE_COURSE_ID, SAMPLE_QUESTIONS } from '../fixtures/sample-course'
import { SAMPLE_FILE } from './export-package-support'

/** Titles and bodies in course order: what a learner sees, without the random ids. */
const outline = (doc: Y.Doc): unknown =>
  readCourse(doc).sections.map((section) => ({
    title: section.title,
    lessons: section.lessons.map((lesson) => ({
      title: lesson.title,
      body: readLessonContent(doc, lesson.id),
    })),
  }))

describe('renderer/public/samples/ledgerly-onboarding.chorus', () => {
  it('is a valid course file with 3 sections, 8 lessons, 6 questions and its images', async () => {
    const decoded = await decodeCourseFile(await readFile(SAMPLE_FILE))
    if (!decoded.ok) throw new Error(decoded.error.message)
    const { doc, media } = decoded.value
    const course = readCourse(doc)
    expect(course.meta).toMatchObject({ id: SAMPLE_COURSE_ID, title: 'Onboarding to Ledgerly billing' })
    expect(course.meta.settings.passingScore).toBe(80)
    expect(course.sections).toHaveLength(3)
    const lessons = course.sections.flatMap((s) => s.lessons)
    expect(lessons).toHaveLength(8)
    const bodies = JSON.stringify(lessons.map((l) => readLessonContent(doc, l.id)))
    expect(bodies.match(/"type":"question"/g)).toHaveLength(SAMPLE_QUESTIONS.length)
    expect(media.size).toBe(3)
    for (const hash of media.keys()) expect(bodies).toContain(hash)
  })

  it('matches its generator (else run: npx tsx tests/fixtures/make-sample-course.ts)', async () => {
    const decoded = await decodeCourseFile(await readFile(SAMPLE_FILE))
    if (!decoded.ok) throw new Error(decoded.error.message)
    const fresh = buildSampleCourse()
    expect(outline(decoded.value.doc)).toEqual(outline(fresh.doc))
    expect(decoded.value.media).toEqual(fresh.media)
  })
})
