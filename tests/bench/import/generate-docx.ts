/**
 * A long Word document for the import benchmark: 200 pages (a page is five paragraphs of about 90 words, ended by
 * a page break), 10 chapters (Heading 1) of 5 lessons (Heading 2), subheadings, bullet lists, and 100 distinct
 * PNG screenshots (480×270, about 100 KB each), written by the `docx` library as Word writes them.
 */
import { HeadingLevel, ImageRun, PageBreak, Paragraph, TextRun, type FileChild } from 'docx'
import { makeDocx } from '../../fixtures/import-documents'
import { makePng } from '../../fixtures/png'

export const PAGES = 200
export const IMAGES = 100
const CHAPTERS = 10
const LESSONS_PER_CHAPTER = 5

const WORDS =
  'the ledger shows each invoice payment credit note and refund so a team can reconcile accounts close every month and explain a balance to an auditor'.split(
    ' ',
  )

const sentence = (seed: number, length: number): string =>
  Array.from({ length }, (_, at) => WORDS[(seed * 7 + at * 3) % WORDS.length]).join(' ')

const paragraph = (seed: number): Paragraph =>
  new Paragraph({
    children: [
      new TextRun(`${sentence(seed, 40)}. `),
      new TextRun({ text: sentence(seed + 1, 8), bold: true }),
      new TextRun(`. ${sentence(seed + 2, 40)}.`),
    ],
  })

/**
 * A distinct screenshot per index, about 100 KB like a real one: a title bar, bars whose colours depend on the
 * index, and a noisy photo-like panel that PNG cannot squeeze away.
 */
const screenshot = (index: number): Uint8Array =>
  makePng(480, 270, (x, y) => {
    if (y < 30) return [47, 93, 160]
    if (x >= 300 && y >= 60 && y < 230) {
      let h = Math.imul(x + 1, 0x27d4eb2d) ^ Math.imul(y + 1, 0x165667b1) ^ Math.imul(index + 1, 0x9e3779b1)
      h = Math.imul(h ^ (h >>> 15), 0x85ebca6b)
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
      const noise = (h ^ (h >>> 16)) & 255
      return [noise, (noise * 3 + index) & 255, (noise * 7) & 255]
    }
    return x % 60 < 40 && y > 270 - ((x * (index + 3)) % 200) ? [index * 2, 125, 79] : [246, 247, 249]
  })

export const benchDocument = (): Promise<Uint8Array> => {
  const children: FileChild[] = []
  const pagesPerLesson = PAGES / (CHAPTERS * LESSONS_PER_CHAPTER)
  const imageEvery = PAGES / IMAGES
  for (let page = 0; page < PAGES; page++) {
    const lesson = Math.floor(page / pagesPerLesson)
    if (page % pagesPerLesson === 0) {
      if (lesson % LESSONS_PER_CHAPTER === 0)
        children.push(
          new Paragraph({
            text: `Chapter ${lesson / LESSONS_PER_CHAPTER + 1}`,
            heading: HeadingLevel.HEADING_1,
          }),
        )
      children.push(new Paragraph({ text: `Lesson ${lesson + 1}`, heading: HeadingLevel.HEADING_2 }))
    }
    children.push(new Paragraph({ text: `Page ${page + 1}`, heading: HeadingLevel.HEADING_3 }))
    for (let p = 0; p < 3; p++) children.push(paragraph(page * 5 + p))
    for (let item = 0; item < 3; item++)
      children.push(new Paragraph({ text: sentence(page + item, 10), bullet: { level: item % 2 } }))
    if (page % imageEvery === 0)
      children.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: screenshot(page / imageEvery),
              transformation: { width: 480, height: 270 },
              altText: { name: `Screen ${page}`, description: `Screen ${page}`, title: `Screen ${page}` },
            }),
          ],
        }),
      )
    for (let p = 3; p < 5; p++) children.push(paragraph(page * 5 + p))
    children.push(new Paragraph({ children: [new PageBreak()] }))
  }
  return makeDocx(children)
}
