/**
 * .docx to blocks with mammoth, which reads Word's styles (Heading 1…6 → h1…h6, lists with their nesting) into
 * simple HTML. The zip is unpacked by the capped reader first and handed to mammoth stored (uncompressed), so
 * mammoth's own unzip never inflates anything a lying header could blow up.
 */
import { zipSync, type Zippable } from 'fflate'
import mammoth from 'mammoth'
import type { ImageAttrs } from '../course/content'
import { htmlToContent, MEDIA_SRC_PREFIX } from './html-to-content'
import { ImportError } from './import-error'
import type { LossCounter } from './losses'
import type { MediaCollector } from './media-collector'
import type { ImportProgress } from './read-document'

/** Underline and strikethrough are not in mammoth's default style map; the editor has both. */
const STYLE_MAP = ['u => u', 'strike => s']

export const DOCX_BODY = 'word/document.xml'

export const readDocx = async (
  entries: ReadonlyMap<string, Uint8Array>,
  collector: MediaCollector,
  losses: LossCounter,
  progress: ImportProgress,
): Promise<ReturnType<typeof htmlToContent>> => {
  const files: Zippable = {}
  for (const [name, bytes] of entries) files[name] = [bytes, { level: 0 }]
  const stored = zipSync(files)
  const total = [...entries.keys()].filter((name) => name.startsWith('word/media/')).length
  const images = new Map<string, ImageAttrs | null>()
  await progress('converting', 0, total)
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; both take the bytes as they are.
  const input = { buffer: stored, arrayBuffer: stored.buffer } as unknown as Parameters<
    typeof mammoth.convertToHtml
  >[0]
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>
  try {
    result = await mammoth.convertToHtml(input, {
      styleMap: STYLE_MAP,
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async (image) => {
        const key = String(images.size)
        images.set(key, null)
        const bytes = new Uint8Array(await image.readAsArrayBuffer())
        images.set(key, await collector.add(bytes, ''))
        await progress('converting', images.size, Math.max(total, images.size))
        return { src: MEDIA_SRC_PREFIX + key }
      }),
    })
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw new ImportError(
      'file-corrupt',
      `This Word document could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was imported. Open it in Word, save it again as .docx, and retry.`,
    )
  }
  // Word keeps a chart as its own part (word/charts/chartN.xml), not as a picture: mammoth skips it silently.
  const charts = [...entries.keys()].filter((name) => /^word\/charts\/chart\d+\.xml$/.test(name)).length
  if (charts > 0) losses.add('chart-dropped', charts)
  return htmlToContent(result.value, images, losses)
}
