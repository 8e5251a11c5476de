/**
 * A lesson body read for comparing: its text as a list of blocks (one per paragraph, heading, list item's
 * paragraph, code block, media) and its questions. Read leniently — a question a co-author is still writing
 * (one choice, none correct) is still compared.
 */
import { NODE, type ContentNode } from '../course/content'

export interface ComparedQuestion {
  /** The question's id, or its position when it has none (`#2`). */
  readonly key: string
  readonly kind: string
  readonly prompt: string
  readonly choices: readonly { readonly text: string; readonly correct: boolean }[]
  readonly feedback: readonly [string, string]
}

export interface LessonText {
  readonly blocks: readonly string[]
  readonly questions: readonly ComparedQuestion[]
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

const inlineText = (node: ContentNode): string =>
  (node.content ?? [])
    .map((child) =>
      child.type === NODE.text
        ? (child.text ?? '')
        : child.type === NODE.hardBreak
          ? '\n'
          : inlineText(child),
    )
    .join('')

const TEXT_BLOCKS: ReadonlySet<string> = new Set([NODE.paragraph, NODE.heading, NODE.codeBlock])

const MEDIA_LABELS: Readonly<Record<string, { label: string; attr: string }>> = {
  [NODE.image]: { label: 'Image', attr: 'alt' },
  [NODE.video]: { label: 'Video', attr: 'title' },
  [NODE.audio]: { label: 'Audio', attr: 'title' },
}

const readQuestion = (node: ContentNode, position: number): ComparedQuestion => {
  const attrs = node.attrs ?? {}
  const choices = Array.isArray(attrs.choices) ? (attrs.choices as unknown[]) : []
  const id = str(attrs.id)
  return {
    key: id === '' ? `#${position}` : id,
    kind: str(attrs.kind),
    prompt: str(attrs.prompt),
    choices: choices.map((choice) => {
      const c = typeof choice === 'object' && choice !== null ? (choice as Record<string, unknown>) : {}
      return { text: str(c.text), correct: c.correct === true }
    }),
    feedback: [str(attrs.feedbackCorrect), str(attrs.feedbackIncorrect)],
  }
}

/** Walks the body in reading order; `prefix` marks the first block of a list item ("• ", "2. "). */
export const readLessonText = (body: ContentNode): LessonText => {
  const blocks: string[] = []
  const questions: ComparedQuestion[] = []
  const visit = (node: ContentNode, prefix: string): void => {
    if (node.type === NODE.question) {
      questions.push(readQuestion(node, questions.length))
      return
    }
    const media = MEDIA_LABELS[node.type]
    if (media !== undefined) {
      const caption = str(node.attrs?.[media.attr])
      blocks.push(`${prefix}[${media.label}${caption === '' ? '' : `: ${caption}`}]`)
      return
    }
    if (TEXT_BLOCKS.has(node.type)) {
      blocks.push(prefix + inlineText(node))
      return
    }
    const children = node.content ?? []
    children.forEach((child, index) => {
      const marker =
        node.type === NODE.bulletList
          ? '• '
          : node.type === NODE.orderedList
            ? `${index + (typeof node.attrs?.start === 'number' ? node.attrs.start : 1)}. `
            : ''
      visit(child, marker !== '' ? marker : index === 0 ? prefix : '')
    })
  }
  for (const child of body.content ?? []) visit(child, '')
  return { blocks, questions }
}

const sameMarks = (a: ContentNode, b: ContentNode): boolean =>
  JSON.stringify(a.marks) === JSON.stringify(b.marks)

/** Adjacent text nodes with the same marks joined, as they render. */
const joinText = (node: ContentNode): ContentNode => {
  if (node.content === undefined) return node
  const content: ContentNode[] = []
  for (const child of node.content.map(joinText)) {
    const last = content[content.length - 1]
    if (last?.type === NODE.text && child.type === NODE.text && sameMarks(last, child)) {
      content[content.length - 1] = { ...last, text: `${last.text ?? ''}${child.text ?? ''}` }
    } else content.push(child)
  }
  return { ...node, content }
}

/**
 * Equal for bodies that read the same. Yjs keeps a format boundary between two runs of the same marks written
 * separately (a restore, a paste), so two such bodies can differ in XML yet not in content.
 */
export const contentKey = (body: ContentNode): string => JSON.stringify(joinText(body))
