/** A large generated course for the export benchmark: 300 lessons, 100 photo-like images, a question every third lesson. */
import type * as Y from 'yjs'
import type { ContentNode } from '../../../shared/course/content'
import type { MediaBlob } from '../../../shared/export/types'
import { bold, bullets, callout, doc, heading, image, p, question } from '../../fixtures/content'
import { addMedia, buildCourseDoc } from '../../fixtures/course-builder'
import { noisePng } from '../../fixtures/png'

const SENTENCES = [
  'Every invoice starts from the customer record, which holds the billing address, currency and payment terms.',
  'Drafts can be edited freely; once issued, an invoice is corrected only with a credit note.',
  'Payments arrive from the bank feed each morning and are matched by reference and amount.',
  'Anything Ledgerly cannot match with confidence waits in the Unmatched list for a person to allocate.',
  'Subscriptions renew on their anniversary date and prorate any change made in the middle of a period.',
  'The month-end close locks the period, after which nothing dated in it can change.',
]

const paragraph = (seed: number): ContentNode =>
  p(
    ...Array.from({ length: 4 }, (_, i) => `${SENTENCES[(seed + i) % SENTENCES.length]} `),
    bold(`Note ${seed}.`),
  )

export interface GeneratedCourse {
  readonly doc: Y.Doc
  readonly media: Map<string, MediaBlob>
}

export const generateCourse = (lessons = 300, images = 100, imageSide = 160): GeneratedCourse => {
  const media = new Map<string, MediaBlob>()
  const hashes = Array.from({ length: images }, (_, i) =>
    addMedia(media, noisePng(imageSide, imageSide, i + 1)),
  )
  const lessonBody = (n: number): ContentNode =>
    doc(
      paragraph(n),
      heading(2, `Part ${n}`),
      paragraph(n + 1),
      bullets('Check the account', 'Check the terms', 'Check the currency'),
      ...(n % 3 === 0 ? [image(hashes[(n / 3) % images] ?? '', `Illustration ${n}`)] : []),
      paragraph(n + 2),
      callout('tip', p(`Tip ${n}: use the preview before you confirm.`)),
      ...(n % 3 === 1
        ? [
            question({
              id: `q${n}`,
              prompt: `Question ${n}?`,
              choices: ['*Right', 'Wrong', 'Also wrong', 'No'],
            }),
          ]
        : []),
    )
  const perSection = 20
  return {
    media,
    doc: buildCourseDoc({
      title: `Generated course (${lessons} lessons)`,
      sections: Array.from({ length: Math.ceil(lessons / perSection) }, (_, s) => ({
        title: `Section ${s + 1}`,
        lessons: Array.from({ length: Math.min(perSection, lessons - s * perSection) }, (_, i) => {
          const n = s * perSection + i
          return { title: `Lesson ${n + 1}`, body: lessonBody(n) }
        }),
      })),
    }),
  }
}
