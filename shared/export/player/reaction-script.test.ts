import { Scorm12API, Scorm2004API } from 'scorm-again'
import { describe, expect, it } from 'vitest'
import { core, course, recorded, windowChain } from './core-test-support'

/** SCORM 1.2 CMIIdentifier read strictly (scorm-again accepts more, real LMSs may not). */
const CMI_IDENTIFIER_12 = /^[A-Za-z0-9_-]{1,255}$/
/** A URN as SCORM 2004's long_identifier_type recommends: urn:<NID>:<NSS>. */
const URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$/

const helpful = { code: 'h', name: 'helpful' }
const at = new Date(Date.UTC(2026, 11, 2, 9, 5, 7, 456))

const interactions12 = (api: Scorm12API): unknown =>
  (JSON.parse(JSON.stringify(api.cmi)) as { interactions: unknown }).interactions
const interactions2004 = (api: Scorm2004API): unknown =>
  (JSON.parse(JSON.stringify(api.cmi)) as { interactions: unknown }).interactions

describe('the values that record a reaction', () => {
  it('SCORM 1.2: a likert interaction with a strict CMIIdentifier id, a one-character response and a clock time', () => {
    const values = core.reactionValues('scorm12', 3, 'AbC123', helpful, at, 'Welcome')
    expect(values.map(([element]) => element)).toEqual([
      'cmi.interactions.3.id',
      'cmi.interactions.3.type',
      'cmi.interactions.3.student_response',
      'cmi.interactions.3.result',
      'cmi.interactions.3.time',
    ])
    const value = Object.fromEntries(values.map(([element, v]) => [element.split('.').at(-1), v]))
    expect(value).toMatchObject({
      id: 'chorus_lesson_AbC123_helpful',
      type: 'likert',
      student_response: 'h',
      result: 'neutral',
    })
    expect(value.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/)
    // An id a peer wrote with other characters still makes a valid identifier.
    const [[, odd]] = core.reactionValues('scorm12', 0, 'a b:c/é', helpful, at, '') as [[string, string]]
    expect(odd).toMatch(CMI_IDENTIFIER_12)
    expect(value.id).toMatch(CMI_IDENTIFIER_12)
  })

  it('SCORM 2004: a URN id first, the type before the response, a description naming the lesson, a timestamp', () => {
    const values = core.reactionValues('scorm2004', 0, 'AbC123', helpful, at, 'Welcome to Ledgerly')
    expect(values).toEqual([
      ['cmi.interactions.0.id', 'urn:chorus:lesson:AbC123:helpful'],
      ['cmi.interactions.0.type', 'likert'],
      ['cmi.interactions.0.description', 'Was this lesson helpful? Welcome to Ledgerly'],
      ['cmi.interactions.0.learner_response', 'helpful'],
      ['cmi.interactions.0.result', 'neutral'],
      ['cmi.interactions.0.timestamp', '2026-12-02T09:05:07.45Z'],
    ])
    expect(values[0]?.[1]).toMatch(URN)
    const long = core.reactionValues('scorm2004', 0, 'x', helpful, at, 'T'.repeat(400))
    expect(long[2]?.[1]).toHaveLength(250)
  })
})

describe('a session that asks for reactions', () => {
  const asking = (runtime: 'scorm12' | 'scorm2004') => course(3, 1, 4, { runtime, askReactions: true })

  it('SCORM 1.2: one interaction per lesson, updated in place, and again after a relaunch', () => {
    const { api, calls } = recorded(new Scorm12API({ logLevel: 5, autocommit: false }))
    const data = asking('scorm12')
    const session = core.createSession(data, core.connect('scorm12', windowChain({ API: api })), () => 0)
    session.react(0, 'helpful', 'One')
    session.react(2, 'confusing', 'Three')
    session.react(0, 'not-helpful', 'One')
    expect(calls.filter((c) => c.startsWith('set cmi.interactions.'))).toHaveLength(15)
    expect(calls).toContain('set cmi.interactions.0.id=chorus_lesson_lesson0_helpful')
    expect(calls).toContain('set cmi.interactions.1.id=chorus_lesson_lesson2_helpful')
    expect(interactions12(api)).toMatchObject({
      0: { id: 'chorus_lesson_lesson0_helpful', type: 'likert', student_response: 'n', result: 'neutral' },
      1: { id: 'chorus_lesson_lesson2_helpful', type: 'likert', student_response: 'c' },
    })
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('2')
    session.finish()

    // The LMS relaunches with what it stored: the reactions show again, and a change rewrites the same record.
    const second = new Scorm12API({ logLevel: 5, autocommit: false })
    const stored = JSON.parse(JSON.stringify(api.cmi)) as { core: Record<string, unknown> }
    second.loadFromJSON({ ...stored, core: { ...stored.core, entry: 'resume' } }, '')
    const resumed = core.createSession(data, core.connect('scorm12', windowChain({ API: second })), () => 0)
    expect([0, 1, 2].map((i) => resumed.reaction(i))).toEqual(['not-helpful', '', 'confusing'])
    resumed.react(2, 'helpful', 'Three')
    expect(second.LMSGetValue('cmi.interactions._count')).toBe('2')
    expect(interactions12(second)).toMatchObject({ 1: { student_response: 'h' } })
  })

  it('SCORM 2004: finds the lesson’s interaction by its id, even when suspend_data was lost', () => {
    const api = new Scorm2004API({ logLevel: 5, autocommit: false })
    const data = asking('scorm2004')
    const session = core.createSession(
      data,
      core.connect('scorm2004', windowChain({ API_1484_11: api })),
      () => at.getTime(),
    )
    session.react(1, 'helpful', 'Two')
    session.react(0, 'confusing', 'One')
    session.finish()
    expect(interactions2004(api)).toMatchObject({
      0: {
        id: 'urn:chorus:lesson:lesson1:helpful',
        type: 'likert',
        learner_response: 'helpful',
        description: 'Was this lesson helpful? Two',
        timestamp: '2026-12-02T09:05:07.45Z',
      },
      1: { id: 'urn:chorus:lesson:lesson0:helpful', learner_response: 'confusing' },
    })

    const stored = JSON.parse(JSON.stringify(api.cmi)) as Record<string, unknown>
    const second = new Scorm2004API({ logLevel: 5, autocommit: false })
    second.loadFromJSON({ ...stored, suspend_data: '' }, '')
    const resumed = core.createSession(
      data,
      core.connect('scorm2004', windowChain({ API_1484_11: second })),
      () => 0,
    )
    resumed.react(0, 'not-helpful', 'One')
    expect(second.GetValue('cmi.interactions._count')).toBe('2')
    expect(second.GetValue('cmi.interactions.1.learner_response')).toBe('not-helpful')
  })

  it('without an LMS, keeps the reaction for the page only and reports nothing', () => {
    const session = core.createSession(asking('scorm12'), core.connect('scorm12', windowChain({})), () => 0)
    session.react(1, 'confusing', 'Two')
    expect(session.reaction(1)).toBe('confusing')
  })

  it('ignores reactions when the course does not ask for them, and unknown ones', () => {
    const { api, calls } = recorded(new Scorm12API({ logLevel: 5, autocommit: false }))
    const session = core.createSession(
      course(2, 0),
      core.connect('scorm12', windowChain({ API: api })),
      () => 0,
    )
    session.react(0, 'helpful', 'One')
    expect(session.reaction(0)).toBe('')
    const asked = core.createSession(asking('scorm12'), core.connect('scorm12', windowChain({})), () => 0)
    asked.react(0, 'meh', 'One')
    asked.react(9, 'helpful', 'Nowhere')
    expect(asked.reaction(0)).toBe('')
    expect(calls.some((c) => c.includes('interactions'))).toBe(false)
  })
})

describe('reactions in suspend_data', () => {
  it('round-trip, and data from before the course asked for them reads as none yet', () => {
    const data = course(4, 2, 4, { askReactions: true })
    const state = core.emptyState(data)
    state.reactions[0] = { code: 'h', slot: 0 }
    state.reactions[3] = { code: 'c', slot: 40 }
    expect(core.decodeState(data, core.encodeState(data, state))).toEqual(state)

    const before = course(4, 2)
    const older = core.encodeState(before, core.emptyState(before))
    expect(older.split('|')).toHaveLength(4)
    expect(core.decodeState(data, older)?.reactions).toEqual([null, null, null, null])
  })

  it('fit SCORM 1.2’s 4,096 characters for a 300-lesson, 100-question course with every lesson rated', () => {
    const data = course(300, 100, 8, { askReactions: true })
    const state = core.emptyState(data)
    state.viewed.fill(true)
    state.answers = data.questions.map(() => [0, 2, 5, 7])
    state.reactions = data.lessons.map((_, i) => ({ code: 'n', slot: i }))
    const text = core.encodeState(data, state)
    expect(text.length).toBeLessThan(2048)
    expect(core.decodeState(data, text)).toEqual(state)
  })
})
