/**
 * What a declared or edited need stores, from what a person typed: trimmed, cut to the limits the relay holds to,
 * and refused with a message to show when it cannot be stored at all (no title, a link that is not a web address).
 */
import { MAX_LINKS, MAX_LINK_LENGTH, isDueDate, isLink } from './entries'
import { longText, titleText } from './actor'
import { URGENCIES, type NeedFields } from './types'

export const storedNeedFields = (fields: NeedFields): NeedFields => {
  if (!URGENCIES.includes(fields.urgency))
    throw new RangeError('Choose how urgent the need is: now, this quarter or later.')
  const due = fields.due === null || fields.due.trim() === '' ? null : fields.due.trim()
  if (due !== null && !isDueDate(due))
    throw new RangeError('Write the due date as YYYY-MM-DD, or leave it empty.')
  const links = fields.links.map((link) => link.trim()).filter((link) => link.length > 0)
  if (links.length > MAX_LINKS) throw new RangeError(`A need holds at most ${MAX_LINKS} links: remove some.`)
  for (const link of links) {
    if (link.length > MAX_LINK_LENGTH)
      throw new RangeError(
        `Links may be at most ${MAX_LINK_LENGTH} characters long: shorten "${link.slice(0, 60)}…".`,
      )
    if (!isLink(link))
      throw new RangeError(`"${link}" is not a web address: links start with http:// or https://.`)
  }
  return {
    title: titleText(fields.title, 'need'),
    outcome: longText(fields.outcome),
    audience: longText(fields.audience),
    urgency: fields.urgency,
    due,
    context: longText(fields.context),
    links: [...new Set(links)],
  }
}

export const sameNeedFields = (a: NeedFields, b: NeedFields): boolean =>
  a.title === b.title &&
  a.outcome === b.outcome &&
  a.audience === b.audience &&
  a.urgency === b.urgency &&
  a.due === b.due &&
  a.context === b.context &&
  a.links.length === b.links.length &&
  a.links.every((link, i) => link === b.links[i])
