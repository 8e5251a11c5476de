import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bold, bullets, callout, doc, heading, italic, link, p, question } from '../../tests/fixtures/content'
import { buildCourseDoc } from '../../tests/fixtures/course-builder'
import type { ContentNode } from './content'
import { readLessonContent, writeLessonContent } from './content-io'
import { lessonBody, readCourse } from './read'
import { protectionSince } from './protected-items'
import { syncBody } from './restore-body'
import type { LessonId } from './types'

/** The value, or a failed test saying what was missing. */
const defined = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('expected a value')
  return value
}

/** A course with one lesson holding `body`, and that lesson's id. */
const lessonWith = (body: ContentNode): { course: Y.Doc; id: LessonId } => {
  const course = buildCourseDoc({ title: 'C', sections: [{ title: 'S', lessons: [{ title: 'L', body }] }] })
  const id = defined(defined(readCourse(course).sections[0]).lessons[0]).id
  return { course, id }
}

const bodyOf = (course: Y.Doc, id: LessonId): Y.XmlFragment => defined(lessonBody(course, id))

/**
 * Adjacent text with the same marks joined: "**a****b**" and "**ab**" render the same, and the editor may store
 * either (Yjs keeps a format boundary between two runs written separately).
 */
const normalised = (node: ContentNode): ContentNode => {
  const content: ContentNode[] = []
  for (const child of (node.content ?? []).map(normalised)) {
    const last = content[content.length - 1]
    if (
      last?.type === 'text' &&
      child.type === 'text' &&
      JSON.stringify(last.marks) === JSON.stringify(child.marks)
    ) {
      content[content.length - 1] = { ...last, text: `${last.text ?? ''}${child.text ?? ''}` }
    } else content.push(child)
  }
  return node.content === undefined ? node : { ...node, content }
}

/** Makes the lesson's body in `target` equal to `wanted`'s, and returns the bytes of the update that took. */
const syncTo = (target: { course: Y.Doc; id: LessonId }, wanted: ContentNode, exact = true): number => {
  const source = lessonWith(wanted)
  let bytes = 0
  target.course.on('update', (update: Uint8Array) => (bytes += update.length))
  target.course.transact(() => syncBody(bodyOf(target.course, target.id), bodyOf(source.course, source.id)))
  if (exact)
    expect(bodyOf(target.course, target.id).toString()).toBe(bodyOf(source.course, source.id).toString())
  expect(normalised(readLessonContent(target.course, target.id))).toEqual(
    normalised(readLessonContent(source.course, source.id)),
  )
  return bytes
}

/** Item ids of every text character, to tell kept text (same ids) from text written again. */
const textItemIds = (node: Y.XmlText): string[] => {
  const ids: string[] = []
  let item = node._start
  while (item !== null) {
    if (!item.deleted && item.content instanceof Y.ContentString) {
      for (let i = 0; i < item.length; i++) ids.push(`${item.id.client}:${item.id.clock + i}`)
    }
    item = item.right
  }
  return ids
}

/** Every text node under `parent`, in document order. */
const textNodes = (parent: Y.XmlFragment | Y.XmlElement): Y.XmlText[] =>
  parent
    .toArray()
    .flatMap((child) =>
      child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? textNodes(child) : [],
    )

/** The characters of the body's text, in order, split by whether `client` wrote them. */
const charactersBy = (body: Y.XmlFragment, client: number): { theirs: string; others: string } => {
  let theirs = ''
  let others = ''
  for (const node of textNodes(body)) {
    for (let item = node._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue
      const text = item.content.getContent().join('')
      if (item.id.client === client) theirs += text
      else others += text
    }
  }
  return { theirs, others }
}

const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}

describe('syncBody', () => {
  it('edits a changed paragraph word by word and leaves the other blocks as they are', () => {
    const target = lessonWith(
      doc(heading(2, 'Drafts'), p('Drafts can be edited freely.'), p('Closing words.')),
    )
    const body = bodyOf(target.course, target.id)
    const closing = body.get(2)
    const headingText = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText
    const headingIds = textItemIds(headingText)
    const text = (body.get(1) as Y.XmlElement).get(0) as Y.XmlText
    const before = textItemIds(text)

    syncTo(target, doc(heading(2, 'Drafts'), p('Drafts can be changed freely today.'), p('Closing words.')))
    expect(body.get(2)).toBe(closing)
    expect(textItemIds(headingText)).toEqual(headingIds)
    const after = textItemIds(text)
    // "Drafts can be " and " freely" keep their items: a comment anchored there stays.
    expect(after.slice(0, 14)).toEqual(before.slice(0, 14))
    expect(after.slice(21, 28)).toEqual(before.slice(20, 27))
  })

  it('changes marks without writing the text again', () => {
    const target = lessonWith(doc(p('Plain ', bold('bold'), ' and ', link('a link', 'https://a.example'))))
    const text = (bodyOf(target.course, target.id).get(0) as Y.XmlElement).get(0) as Y.XmlText
    const before = textItemIds(text)
    syncTo(target, doc(p(italic('Plain'), ' bold and ', link('a link', 'https://b.example'))))
    expect(textItemIds(text)).toEqual(before)
  })

  it('updates block attributes in place: a question, a heading level, a callout tone', () => {
    const ask = (prompt: string, ...choices: string[]) => question({ id: 'q1', prompt, choices })
    const target = lessonWith(doc(heading(2, 'Quiz'), ask('Which?', '*A', 'B'), callout('tip', p('Note'))))
    const element = bodyOf(target.course, target.id).get(1)
    syncTo(target, doc(heading(3, 'Quiz'), ask('Which one?', 'A', '*B', 'C'), callout('warning', p('Note'))))
    expect(bodyOf(target.course, target.id).get(1)).toBe(element)
  })

  it('inserts and deletes whole blocks where the version has more or fewer', () => {
    const target = lessonWith(doc(p('One'), p('Two'), bullets('a', 'b'), p('Three')))
    syncTo(target, doc(p('Zero'), p('One'), bullets('a', 'b', 'c'), p('Four'), p('Five')))
    syncTo(target, doc())
    syncTo(target, doc(p('Back')))
  })

  it('makes any body equal to any other (200 random pairs), in fewer bytes than rewriting it', () => {
    const next = random(11)
    const words = ['invoice', 'draft', 'credit', 'note', 'payment', 'bank']
    const text = (): string =>
      Array.from({ length: 1 + Math.floor(next() * 6) }, () => words[Math.floor(next() * words.length)]).join(
        ' ',
      )
    const inline = (): Array<string | ContentNode> =>
      Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const roll = next()
        return roll < 0.2 ? bold(text()) : roll < 0.3 ? link(text(), 'https://x.example') : `${text()} `
      })
    const block = (): ContentNode => {
      const roll = next()
      if (roll < 0.5) return p(...inline())
      if (roll < 0.65) return heading(2 + Math.floor(next() * 2), text())
      if (roll < 0.8) return bullets(...Array.from({ length: 1 + Math.floor(next() * 3) }, () => text()))
      if (roll < 0.9) return callout('info', p(...inline()))
      return question({ id: `q${Math.floor(next() * 3)}`, prompt: text(), choices: ['*Yes', text()] })
    }
    const body = (): ContentNode => doc(...Array.from({ length: Math.floor(next() * 8) }, block))
    let synced = 0
    let rewritten = 0
    for (let round = 0; round < 200; round++) {
      const start = body()
      const target = lessonWith(start)
      const wanted = next() < 0.5 ? body() : doc(...(start.content ?? []).slice(1), block())
      synced += syncTo(target, wanted, false)
      const copy = lessonWith(start)
      let bytes = 0
      copy.course.on('update', (update: Uint8Array) => (bytes += update.length))
      writeLessonContent(copy.course, copy.id, wanted)
      rewritten += bytes
    }
    expect(synced).toBeLessThan(rewritten)
  })

  it('keeps every character and block a co-author wrote after review began, and restores all the rest (100 random cases)', () => {
    const next = random(29)
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)]
    const word = (): string => pick(['soil', 'rain', 'clover', 'rye', 'mulch']) ?? 'soil'
    const block = (): ContentNode => {
      const roll = next()
      const words = Array.from({ length: 1 + Math.floor(next() * 4) }, word).join(' ')
      if (roll < 0.6) return p(words)
      if (roll < 0.8) return heading(2, words)
      return bullets(words, word())
    }
    const body = (): ContentNode => doc(...Array.from({ length: Math.floor(next() * 6) }, block))
    for (let round = 0; round < 100; round++) {
      const target = lessonWith(body())
      const keepSince = Y.encodeStateVector(target.course)
      const ben = new Y.Doc()
      Y.applyUpdate(ben, Y.encodeStateAsUpdate(target.course))
      const bensBody = bodyOf(ben, target.id)
      for (let edit = 0; edit < 3; edit++) {
        const text = pick(textNodes(bensBody))
        if (text !== undefined && next() < 0.7)
          text.insert(Math.floor(next() * (text.length + 1)), ` ${word()}`)
        else {
          const paragraph = new Y.XmlElement('paragraph')
          paragraph.insert(0, [new Y.XmlText(`Ben ${word()}`)])
          bensBody.insert(Math.floor(next() * (bensBody.length + 1)), [paragraph])
        }
      }
      Y.applyUpdate(target.course, Y.encodeStateAsUpdate(ben))
      const before = charactersBy(bodyOf(target.course, target.id), ben.clientID)
      const wanted = lessonWith(body())
      target.course.transact(() =>
        syncBody(
          bodyOf(target.course, target.id),
          bodyOf(wanted.course, wanted.id),
          protectionSince(target.course, keepSince),
        ),
      )
      const after = charactersBy(bodyOf(target.course, target.id), ben.clientID)
      expect(after.theirs).toBe(before.theirs)
      expect(after.others).toBe(charactersBy(bodyOf(wanted.course, wanted.id), ben.clientID).others)
    }
  })
})
