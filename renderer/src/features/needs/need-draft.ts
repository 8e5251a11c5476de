/**
 * The declare / edit form's values as typed, and turning them into a need's fields with a problem per field
 * that says what to do. The limits and rules are the relay's (shared/team/entries.ts): what passes here, the
 * relay accepts.
 */
import {
  MAX_LINKS,
  MAX_LINK_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  isDueDate,
  isLink,
} from '../../../../shared/team/entries'
import type { NeedFields, Urgency } from '../../../../shared/team/types'

export interface NeedDraft {
  readonly title: string
  readonly outcome: string
  readonly audience: string
  readonly urgency: Urgency
  /** `YYYY-MM-DD` from the date field, or empty. */
  readonly due: string
  readonly context: string
  /** One web address per line. */
  readonly links: string
}

export type NeedDraftProblems = Partial<Record<keyof NeedDraft, string>>

export type DraftResult =
  | { readonly ok: true; readonly fields: NeedFields }
  | { readonly ok: false; readonly problems: NeedDraftProblems }

export const EMPTY_DRAFT: NeedDraft = {
  title: '',
  outcome: '',
  audience: '',
  urgency: 'quarter',
  due: '',
  context: '',
  links: '',
}

export const draftOf = (need: NeedFields): NeedDraft => ({
  title: need.title,
  outcome: need.outcome,
  audience: need.audience,
  urgency: need.urgency,
  due: need.due ?? '',
  context: need.context,
  links: need.links.join('\n'),
})

/** The entries' date rule, and a day the calendar has (no 30 February). */
const isDay = (value: string): boolean => {
  if (!isDueDate(value)) return false
  const [year = 0, month = 0, day = 0] = value.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day
}

const required = (value: string, empty: string, max: number): string | undefined => {
  if (value === '') return empty
  if (value.length > max) return `Keep it to ${max} characters at most (it has ${value.length}).`
  return undefined
}

const linksProblem = (links: readonly string[]): string | undefined => {
  if (links.length > MAX_LINKS) return `Up to ${MAX_LINKS} links: remove ${links.length - MAX_LINKS}.`
  const wrong = links.find((link): boolean => !isLink(link))
  if (wrong === undefined) return undefined
  if (wrong.length > MAX_LINK_LENGTH)
    return `A link is longer than ${MAX_LINK_LENGTH} characters: shorten it or leave it out.`
  return `“${wrong}” is not a web address: write each link in full, starting with https://.`
}

export const readNeedDraft = (draft: NeedDraft): DraftResult => {
  const title = draft.title.trim()
  const outcome = draft.outcome.trim()
  const audience = draft.audience.trim()
  const context = draft.context.trim()
  const due = draft.due.trim()
  const links = draft.links
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const problems: { -readonly [K in keyof NeedDraft]?: string } = {}
  const note = (field: keyof NeedDraft, problem: string | undefined): void => {
    if (problem !== undefined) problems[field] = problem
  }
  note(
    'title',
    required(title, 'Give the need a title, e.g. “Negotiating contract renewals”.', MAX_TITLE_LENGTH),
  )
  note(
    'outcome',
    required(outcome, 'Say what people should be able to do once they have learnt it.', MAX_TEXT_LENGTH),
  )
  note('audience', required(audience, 'Say who needs it, e.g. “new sales hires”.', MAX_TEXT_LENGTH))
  if (due !== '' && !isDay(due)) note('due', 'Give the due date as a day (YYYY-MM-DD), or leave it empty.')
  if (context.length > MAX_TEXT_LENGTH)
    note('context', `Keep it to ${MAX_TEXT_LENGTH} characters at most (it has ${context.length}).`)
  note('links', linksProblem(links))
  if (Object.keys(problems).length > 0) return { ok: false, problems }
  return {
    ok: true,
    fields: {
      title,
      outcome,
      audience,
      urgency: draft.urgency,
      due: due === '' ? null : due,
      context,
      links,
    },
  }
}
