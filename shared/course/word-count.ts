import * as Y from 'yjs'
import { lessonBody, readCourse } from './read'

/** A run of letters, digits or marks: "don't" is two words, "2026" one, as a word processor roughly counts. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu

const textOf = (text: Y.XmlText): string =>
  text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ' '))
    .join('')

/**
 * How many words the course's lesson bodies hold (their text; block attributes such as a question's prompt are
 * not counted). For a team course's progress line (issue 12): a number that grows as authors write.
 */
export const courseWordCount = (doc: Y.Doc): number => {
  let words = 0
  for (const section of readCourse(doc).sections)
    for (const lesson of section.lessons) {
      const body = lessonBody(doc, lesson.id)
      if (body === undefined) continue
      for (const node of body.createTreeWalker((item) => item instanceof Y.XmlText))
        if (node instanceof Y.XmlText) words += textOf(node).match(WORD)?.length ?? 0
    }
  return words
}

/** How many lessons the course has. */
export const courseLessonCount = (doc: Y.Doc): number =>
  readCourse(doc).sections.reduce((count, section) => count + section.lessons.length, 0)
