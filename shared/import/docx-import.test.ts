/**
 * A real Word document (written by the `docx` library, as Word writes them) imported end to end: outline, text,
 * marks, links, lists, table, images; then written into a course, read back, and exported to SCORM.
 */
import { createHash } from 'node:crypto'
import { strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { bitmapBytes, courseDocx } from '../../tests/fixtures/import-documents'
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

const importDocx = async (levels?: { sectionsAt: number; lessonsAt: number }): Promise<ImportPlan> => {
  const parsed = await readDocument({ name: 'Reconciliation.docx', bytes: await courseDocx() })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return planImport(parsed.value, levels)
}

const lesson = (plan: ImportPlan, title: string): ContentNode => {
  const found = plan.sections.flatMap((s) => s.lessons).find((l) => l.title === title)
  if (found === undefined) throw new Error(`no lesson ${title}`)
  return found.content
}

const find = (node: ContentNode, test: (node: ContentNode) => boolean): ContentNode[] => [
  ...(test(node) ? [node] : []),
  ...(node.content ?? []).flatMap((child) => find(child, test)),
]

const linksOf = (node: ContentNode): Array<[string, unknown]> =>
  find(node, (n) => n.type === NODE.text).flatMap((n) =>
    (n.marks ?? [])
      .filter((m) => m.type === 'link')
      .map((m): [string, unknown] => [n.text ?? '', m.attrs?.href]),
  )

describe('importing a .docx', () => {
  it('Word headings 1 and 2 become sections and lessons; what precedes them is an introduction', async () => {
    const plan = await importDocx()
    expect(plan.title).toBe('Reconciliation')
    expect(plan.sections.map((s) => [s.title, s.lessons.map((l) => l.title)])).toEqual([
      ['Reconciliation', ['Introduction']],
      ['Getting started', ['Why reconcile', 'Steps']],
      ['Wrapping up', ['Summary']],
    ])
    expect(textOf(lesson(plan, 'Introduction'))).toBe('Welcome to the reconciliation course.')
    expect(textOf(lesson(plan, 'Summary'))).toBe('Reconciled books close faster.')
  })

  it('other levels can drive the outline: sections at heading 2, lessons at heading 3', async () => {
    const plan = await importDocx({ sectionsAt: 2, lessonsAt: 3 })
    expect(plan.sections.map((s) => [s.title, s.lessons.map((l) => l.title)])).toEqual([
      ['Reconciliation', ['Introduction']],
      ['Getting started', []],
      ['Why reconcile', ['Introduction', 'Checklist']],
      ['Steps', ['Introduction']],
      ['Wrapping up', []],
      ['Summary', ['Introduction']],
    ])
  })

  it('keeps bold, italic, underline and safe links; a javascript: link keeps only its text', async () => {
    const body = lesson(await importDocx(), 'Why reconcile')
    const marked = find(body, (n) => n.type === NODE.text && (n.marks ?? []).length > 0).map((n) => [
      n.text,
      (n.marks ?? []).map((m) => m.type),
    ])
    expect(marked).toEqual([
      ['every week', ['bold']],
      ['not monthly', ['italic']],
      ['before closing', ['underline']],
      ['the guide', ['link']],
      ['ask us', ['link']],
    ])
    expect(linksOf(body)).toEqual([
      ['the guide', 'https://example.com/guide'],
      ['ask us', 'mailto:help@example.com'],
    ])
    expect(textOf(body)).toContain('Never click this.')
  })

  it('keeps lists nested three deep and numbered lists, and the heading below a lesson', async () => {
    const body = lesson(await importDocx(), 'Why reconcile')
    const headings = find(body, (n) => n.type === NODE.heading)
    expect(headings.map((h) => [textOf(h), h.attrs?.level])).toEqual([['Checklist', 1]])
    const [outer] = find(body, (n) => n.type === NODE.bulletList)
    const deepest = find(outer ?? { type: 'doc' }, (n) => n.type === NODE.bulletList)
    expect(deepest.map(textOf)).toEqual([
      'Open the ledgerPick the accountCheck the balanceClose the ledger',
      'Pick the accountCheck the balance',
      'Check the balance',
    ])
    const steps = lesson(await importDocx(), 'Steps')
    const numbered = find(steps, (n) => n.type === NODE.orderedList)
    expect(numbered.map(textOf)).toEqual([
      'Export the statementMatch each lineFlag the gaps',
      'Flag the gaps',
    ])
  })

  it('flattens the table to one paragraph per row and says so', async () => {
    const plan = await importDocx()
    const rows = (lesson(plan, 'Steps').content ?? []).filter((n) => n.type === NODE.paragraph).map(textOf)
    expect(rows).toEqual(['Account | Owner', 'Cash | Finance'])
    expect(plan.losses.map((l) => l.message)).toEqual([
      '1 table flattened to text (one paragraph per row, cells separated by “|”)',
      '1 embedded image or chart dropped (only PNG, JPEG, GIF, WebP and AVIF images are kept)',
      '1 link removed for an address that is not http, https or mailto (the text is kept)',
    ])
  })

  it('turns the two PNGs into media by content hash with their alt text, and drops the bitmap', async () => {
    const plan = await importDocx()
    const images = plan.sections
      .flatMap((s) => s.lessons)
      .flatMap((l) => find(l.content, (n) => n.type === NODE.image))
    expect(images.map((n) => n.attrs)).toEqual([
      { hash: sha256(dashboardPng()), alt: 'The dashboard', mime: 'image/png' },
      { hash: sha256(invoicePng()), alt: 'An invoice', mime: 'image/png' },
    ])
    expect(plan.imageCount).toBe(2)
    expect([...plan.media.keys()]).toEqual([sha256(dashboardPng()), sha256(invoicePng())])
    expect([...plan.media.values()].map((m) => m.bytes.length)).toEqual([
      dashboardPng().length,
      invoicePng().length,
    ])
    expect(plan.media.has(sha256(bitmapBytes()))).toBe(false)
  })

  it('every lesson is valid in the editor schema', async () => {
    const plan = await importDocx()
    for (const l of plan.sections.flatMap((s) => s.lessons)) expect(checkLessonContent(l.content)).toBeNull()
  })

  it('writes a course whose lessons read back as imported, and exports it to SCORM with its images', async () => {
    const plan = await importDocx()
    const doc = buildImportedCourse(plan, { id: newCourseId() })
    const course = readCourse(doc)
    expect(course.meta.title).toBe('Reconciliation')
    expect(course.sections.map((s) => [s.title, s.lessons.map((l) => l.title)])).toEqual(
      plan.sections.map((s) => [s.title, s.lessons.map((l) => l.title)]),
    )
    const planned = plan.sections.flatMap((s) => s.lessons)
    course.sections
      .flatMap((s) => s.lessons)
      .forEach((l, at) => expect(readLessonContent(doc, l.id)).toEqual(planned[at]?.content))

    const built = await buildPackage(exportInputFromDoc(doc, plan.media), 'scorm2004')
    if (!built.ok) throw new Error(built.error.message)
    const dashboard = `media/${sha256(dashboardPng())}.png`
    const invoice = `media/${sha256(invoicePng())}.png`
    expect(built.value.missingMedia).toEqual([])
    expect(built.value.files.get(dashboard)).toEqual(dashboardPng())
    expect(built.value.files.get(invoice)).toEqual(invoicePng())
    const page = strFromU8(built.value.files.get('index.html') ?? new Uint8Array())
    expect(page).toContain(`<img src="${dashboard}" alt="The dashboard">`)
    expect(page).toContain('Reconciled books close faster.')
    expect(page).toContain('https://example.com/guide')
    expect(page).not.toContain('javascript:')
  })
})
