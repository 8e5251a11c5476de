/** Files that must be refused whole, each with a stable code and a message that says what to do. */
import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { courseDocx } from '../../tests/fixtures/import-documents'
import { SCRIPTED_SVG } from '../../tests/fixtures/media-bytes'
import { declareSize } from '../../tests/fixtures/zip-tamper'
import { dashboardPng } from '../../tests/fixtures/sample-images'
import type { ErrorCode } from '../errors'
import { readDocument } from './read-document'

const refusal = async (name: string, bytes: Uint8Array): Promise<{ code: ErrorCode; message: string }> => {
  const result = await readDocument({ name, bytes })
  if (result.ok) throw new Error(`${name} was imported`)
  return result.error
}

/** An OLE compound file: what Word writes for a password-protected document (and for a Word 97–2003 .doc). */
const oleFile = (): Uint8Array => {
  const bytes = new Uint8Array(1024)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  return bytes
}

describe('refused documents', () => {
  it('a password-protected .docx (an OLE container, not a zip) says how to remove the password', async () => {
    const error = await refusal('Secret.docx', oleFile())
    expect(error.code).toBe('file-encrypted')
    expect(error.message).toContain('password-protected')
    expect(error.message).toContain('Nothing was imported')
  })

  it('a truncated .docx is corrupt', async () => {
    const docx = await courseDocx()
    expect((await refusal('Broken.docx', docx.subarray(0, docx.length / 2))).code).toBe('file-corrupt')
  })

  it('a .docx that is no zip at all is corrupt; a zip with no Word body is corrupt', async () => {
    expect((await refusal('Fake.docx', new TextEncoder().encode('hello'))).code).toBe('file-corrupt')
    expect((await refusal('Empty.docx', zipSync({ 'a.txt': new Uint8Array([1]) }))).code).toBe('file-corrupt')
  })

  it('a Word body mammoth cannot parse is corrupt', async () => {
    const bad = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document><oops') })
    expect((await refusal('Bad.docx', bad)).code).toBe('file-corrupt')
  })

  it('a zip bomb is refused before it is inflated past its declared size', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024)
    const bomb = declareSize(zipSync({ 'notes.md': zeros }, { level: 9 }), 'notes.md', 100)
    expect(bomb.length).toBeLessThan(100_000)
    const error = await refusal('notes.zip', bomb)
    expect(error.code).toBe('file-too-large')
    expect(error.message).toContain('zip bomb')
  })

  it('a zip declaring more than the import caps is refused without inflating anything', async () => {
    const huge = declareSize(
      zipSync({ 'word/document.xml': new Uint8Array(10) }),
      'word/document.xml',
      2 ** 31,
    )
    expect((await refusal('Huge.docx', huge)).code).toBe('file-too-large')
  })

  it('unsupported files: an image, an SVG renamed .md, a zip without Markdown', async () => {
    expect((await refusal('photo.png', dashboardPng())).code).toBe('file-unsupported')
    expect((await refusal('page.html', new TextEncoder().encode('<p>hi</p>'))).code).toBe('file-unsupported')
    expect((await refusal('drawing.md', dashboardPng())).code).toBe('file-unsupported')
    const noMarkdown = await refusal('pictures.zip', zipSync({ 'a.svg': SCRIPTED_SVG }))
    expect(noMarkdown.code).toBe('file-unsupported')
    expect(noMarkdown.message).toContain('holds no Markdown file')
  })

  it('an SVG next to the Markdown never becomes media, even named .png', async () => {
    const zip = zipSync({
      'page.md': new TextEncoder().encode('# T\n\n![x](evil.png)\n'),
      'evil.png': SCRIPTED_SVG,
    })
    const result = await readDocument({ name: 'page.zip', bytes: zip })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.media.size).toBe(0)
    expect(result.value.losses.map((l) => l.kind)).toEqual(['image-unsupported'])
  })

  it('a Word chart, which is no picture, is counted as dropped', async () => {
    const parts = unzipSync(await courseDocx())
    parts['word/charts/chart1.xml'] = new TextEncoder().encode('<c:chartSpace/>')
    const result = await readDocument({ name: 'Charts.docx', bytes: zipSync(parts) })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.losses.find((l) => l.kind === 'chart-dropped')?.message).toBe(
      '1 embedded chart dropped (the course has no chart block; paste it as a picture)',
    )
  })

  it('an import cancelled while it runs stops with the code cancelled', async () => {
    const signal = { aborted: false }
    const result = await readDocument(
      { name: 'Course.docx', bytes: await courseDocx() },
      { signal, onProgress: (phase) => void (phase === 'converting' && (signal.aborted = true)) },
    )
    expect(result.ok ? null : result.error.code).toBe('cancelled')
  })
})
