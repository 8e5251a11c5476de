/**
 * @mentions in a comment body. "@Name" mentions the member whose display name follows the @, compared
 * case-insensitively; the longest name wins, so "@Ann Lee" means Ann Lee even when there is also an Ann.
 */
import type { Person } from './types'

/** Letters, digits and underscores continue a word: "ann@example.com" and "@Annabel" do not mention Ann. */
const WORD_CHARACTER = /[\p{L}\p{N}_]/u

const nameAt = (body: string, at: number, name: string): boolean =>
  body.slice(at, at + name.length).toLowerCase() === name.toLowerCase() &&
  !WORD_CHARACTER.test(body.charAt(at + name.length))

/**
 * The ids of the members a body mentions, each once, in order of first mention. Members who share the matched
 * display name are all mentioned: the text cannot tell them apart.
 */
export const parseMentions = (body: string, members: readonly Person[]): string[] => {
  const named = members.filter((member) => member.name.trim() !== '')
  const ids: string[] = []
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(body.charAt(at - 1))) continue
    const matches = named.filter((member) => nameAt(body, at + 1, member.name))
    const longest = Math.max(0, ...matches.map((member) => member.name.length))
    for (const member of matches) {
      if (member.name.length === longest && !ids.includes(member.id)) ids.push(member.id)
    }
  }
  return ids
}
