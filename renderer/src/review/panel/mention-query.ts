/**
 * The @mention being typed in a comment box and what picking a member does to the text. Names may contain
 * spaces ("@Ada Lovelace"), so the query runs from the @ to the caret as long as it still reads like a name.
 */
import type { Person } from '../../../../shared/review/types'

export interface MentionQuery {
  /** Index of the @ in the text. */
  readonly start: number
  /** What follows the @, up to the caret. */
  readonly query: string
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u
const LONGEST_NAME = 60
const MAX_CANDIDATES = 6

export const mentionQueryAt = (text: string, caret: number): MentionQuery | null => {
  const before = text.slice(0, caret)
  const start = before.lastIndexOf('@')
  if (start === -1 || (start > 0 && WORD_CHARACTER.test(before.charAt(start - 1)))) return null
  const query = before.slice(start + 1)
  // A space right before the caret ends the name (as after picking one) until another letter follows it.
  if (query.length > LONGEST_NAME || /^\s|\s\s|\s$|\n/.test(query)) return null
  return { start, query }
}

/** Members whose name, or a word of it, starts with the query; people whose full name starts with it first. */
export const mentionCandidates = (members: readonly Person[], query: string, meId: string): Person[] => {
  const wanted = query.trim().toLowerCase()
  const rank = (person: Person): number => {
    const name = person.name.toLowerCase()
    if (name.startsWith(wanted)) return 0
    return name.split(/\s+/).some((word) => word.startsWith(wanted)) ? 1 : -1
  }
  return members
    .filter((person) => person.id !== meId && person.name.trim() !== '' && rank(person) >= 0)
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
    .slice(0, MAX_CANDIDATES)
}

/** Replaces the typed query with the member's full name and a space; returns the new text and caret. */
export const insertMention = (
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { readonly text: string; readonly caret: number } => {
  const inserted = `@${name} `
  return {
    text: text.slice(0, mention.start) + inserted + text.slice(caret).replace(/^ /, ''),
    caret: mention.start + inserted.length,
  }
}
