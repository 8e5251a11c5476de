/**
 * Turns a document's blocks into a proposed course outline: headings up to `sectionsAt` start sections, headings
 * up to `lessonsAt` start lessons, deeper headings stay in the lesson (shifted so the first level below a lesson
 * is the editor's heading 1). Content before the first lesson heading goes into an "Introduction" lesson. Pure and
 * quick, so the preview can re-plan as the user changes the levels without reading the file again.
 */
import { NODE, type ContentNode } from '../course/content'
import { checkLessonContent } from './content-schema'
import { describeLoss, type Loss } from './losses'
import type { ParsedDocument } from './parsed-document'

export interface ImportLevels {
  /** Headings of this level and above (1 = the largest) start a section. */
  readonly sectionsAt: number
  /** Headings below `sectionsAt` down to this level start a lesson. */
  readonly lessonsAt: number
}

export const DEFAULT_LEVELS: ImportLevels = { sectionsAt: 1, lessonsAt: 2 }
export const HEADING_LEVELS: readonly number[] = [1, 2, 3, 4, 5, 6]
export const INTRODUCTION_TITLE = 'Introduction'

/** Levels a caller may choose: sections above lessons, both 1–6. */
export const levelsAreValid = ({ sectionsAt, lessonsAt }: ImportLevels): boolean =>
  HEADING_LEVELS.includes(sectionsAt) && HEADING_LEVELS.includes(lessonsAt) && sectionsAt < lessonsAt

export interface PlannedLesson {
  readonly title: string
  /** A `doc` node valid in the editor's schema. */
  readonly content: ContentNode
}

export interface PlannedSection {
  readonly title: string
  readonly lessons: readonly PlannedLesson[]
}

export interface ImportPlan {
  readonly title: string
  readonly sections: readonly PlannedSection[]
  readonly lessonCount: number
  /** Image blocks in the lessons (an image used twice counts twice). */
  readonly imageCount: number
  readonly losses: readonly Loss[]
  readonly media: ParsedDocument['media']
}

export const textOf = (node: ContentNode): string =>
  node.type === NODE.text ? (node.text ?? '') : (node.content ?? []).map(textOf).join('')

const titleOf = (node: ContentNode): string => textOf(node).replace(/\s+/g, ' ').trim()

const clampLevel = (level: number): number => Math.min(3, Math.max(1, level))

/** Headings inside a lesson move up by the lesson level, so the structure below a lesson keeps its steps. */
const shiftHeadings = (node: ContentNode, lessonsAt: number): ContentNode => {
  if (node.type === NODE.heading) {
    const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1
    return { ...node, attrs: { ...node.attrs, level: clampLevel(level - lessonsAt) } }
  }
  return node.content === undefined
    ? node
    : { ...node, content: node.content.map((child) => shiftHeadings(child, lessonsAt)) }
}

const countImages = (nodes: readonly ContentNode[]): number =>
  nodes.reduce((sum, node) => sum + (node.type === NODE.image ? 1 : countImages(node.content ?? [])), 0)

/**
 * The lesson's blocks as a doc the editor accepts. The builder keeps to the schema, so this is a last guard: a
 * block that still fails is kept as a paragraph of its text, and counted.
 */
const validLesson = (blocks: readonly ContentNode[]): { content: ContentNode; simplified: number } => {
  const doc: ContentNode = { type: NODE.doc, content: blocks }
  if (blocks.length === 0 || checkLessonContent(doc) === null) return { content: doc, simplified: 0 }
  let simplified = 0
  const content = blocks.map((block) => {
    if (checkLessonContent({ type: NODE.doc, content: [block] }) === null) return block
    simplified++
    const text = textOf(block)
    return text === ''
      ? { type: NODE.paragraph }
      : { type: NODE.paragraph, content: [{ type: NODE.text, text }] }
  })
  return { content: { type: NODE.doc, content }, simplified }
}

export const planImport = (parsed: ParsedDocument, levels: ImportLevels = DEFAULT_LEVELS): ImportPlan => {
  const sections: Array<{ title: string; lessons: Array<{ title: string; blocks: ContentNode[] }> }> = []
  const currentSection = () => {
    const last = sections[sections.length - 1]
    if (last !== undefined) return last
    const section = { title: parsed.title, lessons: [] }
    sections.push(section)
    return section
  }
  const currentLesson = () => {
    const section = currentSection()
    const last = section.lessons[section.lessons.length - 1]
    if (last !== undefined) return last
    const lesson = { title: INTRODUCTION_TITLE, blocks: [] }
    section.lessons.push(lesson)
    return lesson
  }
  for (const block of parsed.blocks) {
    const level = block.type === NODE.heading ? Number(block.attrs?.level) : Infinity
    const title = level <= levels.lessonsAt ? titleOf(block) : ''
    if (level <= levels.sectionsAt) {
      if (title !== '') sections.push({ title, lessons: [] })
    } else if (level <= levels.lessonsAt) {
      if (title !== '') currentSection().lessons.push({ title, blocks: [] })
    } else {
      currentLesson().blocks.push(shiftHeadings(block, levels.lessonsAt))
    }
  }
  let simplified = 0
  const planned = sections.map((section): PlannedSection => ({
    title: section.title,
    lessons: section.lessons.map((lesson): PlannedLesson => {
      const valid = validLesson(lesson.blocks)
      simplified += valid.simplified
      return { title: lesson.title, content: valid.content }
    }),
  }))
  const losses =
    simplified === 0
      ? parsed.losses
      : [
          ...parsed.losses,
          {
            kind: 'block-simplified' as const,
            count: simplified,
            message: describeLoss('block-simplified', simplified),
          },
        ]
  return {
    title: parsed.title,
    sections: planned,
    lessonCount: planned.reduce((sum, section) => sum + section.lessons.length, 0),
    imageCount: countImages(parsed.blocks),
    losses,
    media: parsed.media,
  }
}
