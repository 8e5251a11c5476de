/**
 * Lesson body edits for the fuzz test. Every insert is a unique token like `<r1:17>` placed between tokens, and
 * every delete removes one whole token, so after any merge a body must consist of exactly the tokens inserted
 * and not deleted: a lost, duplicated or torn token is lost or damaged text.
 */
import * as Y from 'yjs'
import type { Prng } from './prng'

const TOKEN = /<[^<>]+>/g
const EDITOR_ORIGIN = 'fuzz-editor'

/** Tokens in one text; throws if the text holds anything but whole tokens. */
export const parseTokens = (text: string): string[] => {
  const tokens = text.match(TOKEN) ?? []
  if (tokens.join('') !== text) throw new Error(`torn token in body text ${JSON.stringify(text)}`)
  return tokens
}

/** The characters of a text, without the `<bold>` tags XmlText.toString() adds for formatting. */
const plain = (text: Y.XmlText): string =>
  (text.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')

const paragraphs = (body: Y.XmlFragment): Y.XmlElement[] =>
  body.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)

const texts = (paragraph: Y.XmlElement): Y.XmlText[] =>
  paragraph.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText)

/** Every token in the body, in document order. */
export const bodyTokens = (body: Y.XmlFragment): string[] =>
  paragraphs(body).flatMap((paragraph) => texts(paragraph).flatMap((text) => parseTokens(plain(text))))

/** Inserts `token` at a random token boundary, adding a paragraph as an author pressing Enter would. */
export const insertToken = (body: Y.XmlFragment, token: string, prng: Prng): void => {
  const doc = body.doc
  if (doc === null) throw new Error('body is not in a document')
  doc.transact(() => {
    const existing = paragraphs(body)
    if (existing.length === 0 || prng.chance(0.1)) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(token)])
      body.insert(prng.int(body.length + 1), [paragraph])
      return
    }
    const paragraph = prng.pick(existing)
    const text = texts(paragraph)[0]
    if (text === undefined) {
      paragraph.insert(0, [new Y.XmlText(token)])
      return
    }
    const boundaries = [0]
    for (const existingToken of parseTokens(plain(text))) {
      boundaries.push((boundaries[boundaries.length - 1] ?? 0) + existingToken.length)
    }
    text.insert(prng.pick(boundaries), token, prng.chance(0.3) ? { bold: {} } : {})
  }, EDITOR_ORIGIN)
}

/** Deletes one random whole token; returns it, or undefined if the body is empty. */
export const deleteToken = (body: Y.XmlFragment, prng: Prng): string | undefined => {
  const candidates = paragraphs(body).flatMap((paragraph) =>
    texts(paragraph).flatMap((text) => {
      let offset = 0
      return parseTokens(plain(text)).map((token) => {
        const at = { text, token, offset }
        offset += token.length
        return at
      })
    }),
  )
  if (candidates.length === 0) return undefined
  const { text, token, offset } = prng.pick(candidates)
  body.doc?.transact(() => text.delete(offset, token.length), EDITOR_ORIGIN)
  return token
}
