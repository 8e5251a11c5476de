import * as Y from 'yjs'
import { newSectionId } from './ids'
import { clampIndex, keyForIndex } from './order-keys'
import { readOutline } from './outline'
import { SECTION, lessonPlace, lessonsMap, sectionsMap } from './schema'
import { runCommand } from './transact'
import type { SectionId } from './types'

export interface NewSection {
  readonly title: string
  /** Position among the sections shown now; defaults to the end. */
  readonly index?: number
}

export const addSection = (doc: Y.Doc, section: NewSection): SectionId =>
  runCommand(doc, () => {
    const id = newSectionId()
    const entry = new Y.Map<unknown>()
    entry.set(SECTION.title, section.title)
    entry.set(SECTION.order, keyForIndex(readOutline(doc), section.index))
    entry.set(SECTION.deleted, false)
    sectionsMap(doc).set(id, entry)
    return id
  })

/**
 * A deleted section that still shows (it holds a lesson someone added concurrently) becomes a real section
 * again once someone works with it; otherwise it would vanish as soon as that lesson moves out.
 */
export const revive = (section: Y.Map<unknown>): void => {
  if (section.get(SECTION.deleted) !== false) section.set(SECTION.deleted, false)
}

/** Unknown ids are ignored: the section may have been removed by a peer a moment before the command ran. */
export const renameSection = (doc: Y.Doc, id: SectionId, title: string): void => {
  const section = sectionsMap(doc).get(id)
  if (section === undefined) return
  runCommand(doc, () => {
    section.set(SECTION.title, title)
    revive(section)
  })
}

/** Tombstones the section and deletes the lessons it holds now; lessons others add concurrently survive. */
export const deleteSection = (doc: Y.Doc, id: SectionId): void => {
  const section = sectionsMap(doc).get(id)
  if (section === undefined) return
  runCommand(doc, () => {
    section.set(SECTION.deleted, true)
    const lessons = lessonsMap(doc)
    for (const [lessonId, lesson] of [...lessons.entries()]) {
      if (lessonPlace(lesson)?.sectionId === id) lessons.delete(lessonId)
    }
  })
}

/** `index` is the position among the other sections, i.e. after taking this one out; it is clamped. */
export const moveSection = (doc: Y.Doc, id: SectionId, index: number): void => {
  const section = sectionsMap(doc).get(id)
  if (section === undefined) return
  const outline = readOutline(doc)
  const current = outline.findIndex((entry) => entry.id === id)
  const others = outline.filter((entry) => entry.id !== id)
  const target = clampIndex(index, others.length)
  if (current === target && section.get(SECTION.deleted) === false) return
  runCommand(doc, () => {
    section.set(SECTION.order, keyForIndex(others, target))
    revive(section)
  })
}
