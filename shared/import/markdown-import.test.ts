/** Markdown covering CommonMark's block and inline elements, as a .md file and as a .zip with its images. */
import { createHash } from 'node:crypto'
import { strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { COURSE_MARKDOWN, courseMarkdownZip, markdownImages } from '../../tests/fixtures/import-documents'
import { dashboardPng, invoicePng } from '../../tests/fixtures/sample-images'
import { NODE, type ContentNode } from '../course/content'
import { readLessonContent } from '../course/content-io'
import { newCourseId } from '../course/ids'
import { readCourse } from '../course/read'
import { buildPackage } from '../export/build-package'
import { exportInputFromDoc } from '../export/from-doc'
import { buildImportedCourse } from './apply-plan'
import { checkLessonContent } from './content-schema'
import { planImport, textOf, type ImportPlan } from './outline-plan'
import { readDocument } from './read-document'

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

const importZip = async (): Promise<ImportPlan> => {
  const parsed = await readDocument({ name: 'Reconciliation basics.zip', bytes: courseMarkdownZip() })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return planImport(parsed.value)
}

const lessons = (plan: ImportPlan) => plan.sections.flatMap((s) => s.lessons)

const lesson = (plan: ImportPlan, title: string): ContentNode => {
  const found = lessons(plan).find((l) => l.title === title)
  if (found === undefined) throw new Error(`no lesson ${title}`)
  return found.content
}

const types = (node: ContentNode): string[] => (node.content ?? []).map((child) => child.type)

const find = (node: ContentNode, test: (node: ContentNode) => boolean): ContentNode[] => [
  ...(test(node) ? [node] : []),
  ...(node.content ?? []).flatMap((child) => find(child, test)),
]

describe('importing Markdown', () => {
  it('setext and ATX headings drive the outline', async () => {
    const plan = await importZip()
    expect(plan.title).toBe('Reconciliation basics')
    expect(plan.sections.map((s) => [s.title, s.lessons.map((l) => l.title)])).toEqual([
      ['Reconciliation basics', ['Introduction', 'Lesson one', 'Lesson two']],
    ])
  })

  it('keeps emphasis, strong, code spans, escapes, entities and both kinds of hard break', async () => {
    const intro = lesson(await importZip(), 'Introduction')
    expect(types(intro)).toEqual([NODE.paragraph])
    const marked = find(intro, (n) => n.type === NODE.text && (n.marks ?? []).length > 0).map((n) => [
      n.text,
      n.marks?.map((m) => m.type),
    ])
    expect(marked).toEqual([
      ['emphasis', ['italic']],
      ['strong text', ['bold']],
      ['inline code', ['code']],
    ])
    expect(textOf(intro)).toContain('an escaped *star*, & an entity: ©.')
    expect(find(intro, (n) => n.type === NODE.hardBreak)).toHaveLength(2)
  })

  it('keeps inline, reference and autolinks; drops a javascript: link but not its text; raw HTML stays text', async () => {
    const body = lesson(await importZip(), 'Lesson one')
    const links = find(
      body,
      (n) => n.type === NODE.text && (n.marks ?? []).some((m) => m.type === 'link'),
    ).map((n) => [n.text, n.marks?.find((m) => m.type === 'link')?.attrs?.href])
    expect(links).toEqual([
      ['safe link', 'https://example.com/a'],
      ['reference link', 'https://example.com/ref'],
      ['https://example.com/auto', 'https://example.com/auto'],
    ])
    expect(textOf(body)).toContain('a bad link and <b>raw html</b> kept as text.')
  })

  it('keeps quotes (nested), lists nested three deep, a numbered list start, code blocks and a rule', async () => {
    const body = lesson(await importZip(), 'Lesson one')
    expect(types(body)).toEqual([
      NODE.paragraph,
      NODE.image,
      NODE.blockquote,
      NODE.bulletList,
      NODE.orderedList,
      NODE.codeBlock,
      NODE.codeBlock,
      NODE.horizontalRule,
    ])
    const quote = find(body, (n) => n.type === NODE.blockquote)
    expect(quote.map(textOf)).toEqual(['A quotenested deeper', 'nested deeper'])
    expect(find(body, (n) => n.type === NODE.bulletList).map(textOf)).toEqual([
      'onetwothreefour',
      'twothree',
      'three',
    ])
    const ordered = find(body, (n) => n.type === NODE.orderedList)[0]
    expect(ordered?.attrs).toEqual({ start: 3 })
    expect(textOf(ordered ?? { type: 'doc' })).toBe('thirdfourth')
    expect(find(body, (n) => n.type === NODE.codeBlock).map((n) => [n.attrs, textOf(n)])).toEqual([
      [{ language: 'ts' }, 'const x = 1'],
      [undefined, 'indented code'],
    ])
  })

  it('turns local images into media by hash, drops web images, flattens the table, and says so', async () => {
    const plan = await importZip()
    const images = lessons(plan).flatMap((l) => find(l.content, (n) => n.type === NODE.image))
    expect(images.map((n) => n.attrs)).toEqual([
      { hash: sha256(dashboardPng()), alt: 'The dashboard', mime: 'image/png' },
      { hash: sha256(invoicePng()), alt: 'An invoice', mime: 'image/png' },
    ])
    expect(plan.imageCount).toBe(2)
    expect(plan.media.size).toBe(2)
    const two = lesson(plan, 'Lesson two')
    expect((two.content ?? []).map((n) => [n.type, textOf(n)])).toEqual([
      [NODE.image, ''],
      [NODE.paragraph, 'Account | Owner'],
      [NODE.paragraph, 'Cash | Finance'],
      [NODE.heading, 'Details'],
      [NODE.paragraph, 'Closing words.'],
    ])
    expect(plan.losses.map((l) => l.kind)).toEqual(['table-flattened', 'image-remote', 'link-unsafe'])
  })

  it('a plain .md file reads its images through the reader it is given (the CLI reads beside the file)', async () => {
    const files = markdownImages()
    const parsed = await readDocument(
      { name: 'notes.md', bytes: encode(COURSE_MARKDOWN) },
      { readSibling: (src) => files[src.replace(/^\.\//, '').replace('%20', ' ')] ?? null },
    )
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.value.kind).toBe('markdown')
    expect(planImport(parsed.value).imageCount).toBe(2)
    const alone = await readDocument({ name: 'notes.md', bytes: encode(COURSE_MARKDOWN) })
    if (!alone.ok) throw new Error(alone.error.message)
    const plan = planImport(alone.value)
    expect(plan.imageCount).toBe(0)
    expect(plan.losses.find((l) => l.kind === 'image-missing')?.message).toBe(
      '2 images dropped: not found next to the document',
    )
  })

  it('every lesson is valid in the editor schema, reads back as imported and exports with its images', async () => {
    const plan = await importZip()
    for (const l of lessons(plan)) expect(checkLessonContent(l.content)).toBeNull()
    const doc = buildImportedCourse(plan, { id: newCourseId() })
    const course = readCourse(doc)
    course.sections
      .flatMap((s) => s.lessons)
      .forEach((l, at) => expect(readLessonContent(doc, l.id)).toEqual(lessons(plan)[at]?.content))
    const built = await buildPackage(exportInputFromDoc(doc, plan.media), 'scorm12')
    if (!built.ok) throw new Error(built.error.message)
    expect(built.value.missingMedia).toEqual([])
    expect(built.value.files.get(`media/${sha256(invoicePng())}.png`)).toEqual(invoicePng())
    const page = strFromU8(built.value.files.get('index.html') ?? new Uint8Array())
    expect(page).toContain(`<img src="media/${sha256(dashboardPng())}.png" alt="The dashboard">`)
    expect(page).toContain('Closing words.')
  })
})
