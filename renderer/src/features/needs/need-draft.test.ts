import { describe, expect, it } from 'vitest'
import { EMPTY_DRAFT, draftOf, readNeedDraft, type NeedDraft } from './need-draft'

const filled: NeedDraft = {
  ...EMPTY_DRAFT,
  title: '  Negotiating renewals ',
  outcome: 'Run a renewal call without discounting first',
  audience: 'Account managers',
}

describe('readNeedDraft', () => {
  it('trims the fields and reads the links one per line', () => {
    const result = readNeedDraft({
      ...filled,
      urgency: 'now',
      due: '2027-03-31',
      links: ' https://wiki.example/renewals \n\nhttp://intranet.example/playbook\n',
    })
    expect(result).toEqual({
      ok: true,
      fields: {
        title: 'Negotiating renewals',
        outcome: 'Run a renewal call without discounting first',
        audience: 'Account managers',
        urgency: 'now',
        due: '2027-03-31',
        context: '',
        links: ['https://wiki.example/renewals', 'http://intranet.example/playbook'],
      },
    })
  })

  it('says what to fill in for each missing field', () => {
    const result = readNeedDraft({ ...EMPTY_DRAFT, title: '   ' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.problems).sort()).toEqual(['audience', 'outcome', 'title'])
    expect(result.problems.title).toMatch(/Give the need a title/)
  })

  it('refuses what the relay would refuse: long titles, other schemes, too many links, no real day', () => {
    const result = readNeedDraft({
      ...filled,
      title: 'x'.repeat(201),
      due: '2027-02-30',
      links: 'javascript:alert(1)',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.title).toMatch(/200 characters at most \(it has 201\)/)
    expect(result.problems.due).toMatch(/YYYY-MM-DD/)
    expect(result.problems.links).toMatch(/“javascript:alert\(1\)” is not a web address/)
    const many = readNeedDraft({
      ...filled,
      links: Array.from({ length: 21 }, (_, i) => `https://a.example/${i}`).join('\n'),
    })
    expect(many.ok ? null : many.problems.links).toMatch(/Up to 20 links: remove 1/)
  })

  it('round-trips a need through the form', () => {
    const fields = {
      title: 'T',
      outcome: 'O',
      audience: 'A',
      urgency: 'later' as const,
      due: null,
      context: 'C',
      links: ['https://a.example/'],
    }
    expect(readNeedDraft(draftOf(fields))).toEqual({ ok: true, fields })
  })
})
