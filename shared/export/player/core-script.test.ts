import { Scorm12API, Scorm2004API } from 'scorm-again'
import { describe, expect, it } from 'vitest'
import { core, course, recorded, windowChain, type State, type Win } from './core-test-support'
import type { PlayerData } from './player-data'

describe('suspend_data encoding', () => {
  it('round-trips progress and answers', () => {
    const data = course(12, 5, 6)
    const state = core.emptyState(data)
    state.viewed[0] = state.viewed[7] = state.viewed[11] = true
    state.answers[1] = [0, 3, 5]
    state.answers[4] = [2]
    expect(core.decodeState(data, core.encodeState(data, state))).toEqual(state)
    // A single unanswered question encodes as '', like no questions at all.
    const oneQuestion = course(2, 1)
    const viewedOnly = { ...core.emptyState(oneQuestion), viewed: [true, false] }
    expect(core.decodeState(oneQuestion, core.encodeState(oneQuestion, viewedOnly))).toEqual(viewedOnly)
  })

  it('fits a 300-lesson, 100-question course in SCORM 1.2’s 4,096 characters with room to spare', () => {
    const data = course(300, 100, 8)
    const state = core.emptyState(data)
    state.viewed.fill(true)
    state.answers = data.questions.map(() => [0, 2, 5, 7])
    const text = core.encodeState(data, state)
    expect(text.length).toBeLessThan(1024)
    expect(core.decodeState(data, text)).toEqual(state)
  })

  it('ignores data from another course structure or another program', () => {
    const data = course(3, 2)
    const text = core.encodeState(data, core.emptyState(data))
    expect(core.decodeState({ ...data, fingerprint: 'other' }, text)).toBeNull()
    expect(core.decodeState(course(3, 3), text)).toBeNull()
    expect(core.decodeState(data, '')).toBeNull()
    expect(core.decodeState(data, '{"some":"json"}')).toBeNull()
  })
})

describe('scoring and status', () => {
  const answered = (data: PlayerData, right: number): State => {
    const state = core.emptyState(data)
    state.viewed.fill(true)
    state.answers = data.questions.map((q, i) =>
      i < right ? [...q.correct] : [((q.correct[0] ?? 0) + 1) % q.choices],
    )
    return state
  }

  it('passes at the passing score, compared exactly rather than on a rounded percentage', () => {
    const data = course(2, 3, 4, { passingScore: 67 })
    const twoOfThree = core.summarize(data, answered(data, 2))
    expect(twoOfThree.percent).toBe(66.67)
    expect(twoOfThree.passed).toBe(false)
    expect(core.summarize({ ...data, passingScore: 66 }, answered(data, 2)).passed).toBe(true)
  })

  it('completes by viewing every lesson, or by reaching the passing score, as the course says', () => {
    const viewing = course(2, 2)
    const state = core.emptyState(viewing)
    state.viewed[0] = true
    expect(core.summarize(viewing, state).completed).toBe(false)
    state.viewed[1] = true
    expect(core.summarize(viewing, state).completed).toBe(true)
    expect(core.summarize(viewing, state).finished).toBe(false)

    const scoring = course(2, 2, 4, { completionRule: 'passing-score' })
    expect(core.summarize(scoring, answered(scoring, 1)).completed).toBe(false)
    expect(core.summarize(scoring, answered(scoring, 1)).finished).toBe(true)
    expect(core.lessonStatus12(core.summarize(scoring, answered(scoring, 1)))).toBe('failed')
    expect(core.summarize(scoring, answered(scoring, 2)).completed).toBe(true)
    expect(core.lessonStatus12(core.summarize(scoring, answered(scoring, 2)))).toBe('passed')
  })

  it('reports a fresh attempt as incomplete, never "not attempted"', () => {
    for (const data of [course(1, 0), course(2, 2), course(2, 2, 4, { completionRule: 'passing-score' })]) {
      expect(core.lessonStatus12(core.summarize(data, core.emptyState(data)))).toBe('incomplete')
    }
    const noQuestions = course(1, 0)
    expect(
      core.lessonStatus12(core.summarize(noQuestions, { viewed: [true], answers: [], reactions: [null] })),
    ).toBe('completed')
  })
})

describe('session time', () => {
  it('is HHHH:MM:SS.SS in SCORM 1.2', () => {
    expect(core.formatTime12(0)).toBe('0000:00:00.00')
    expect(core.formatTime12(3_723_456)).toBe('0001:02:03.46')
    expect(core.formatTime12(100 * 3_600_000)).toBe('0100:00:00.00')
  })

  it('is an ISO 8601 duration in SCORM 2004', () => {
    expect(core.formatTime2004(0)).toBe('PT0H0M0S')
    expect(core.formatTime2004(3_723_450)).toBe('PT1H2M3.45S')
    expect(core.formatTime2004(61_000)).toBe('PT0H1M1S')
  })
})

describe('finding the LMS API', () => {
  it('climbs the parent chain and binds only to the packaged version’s API', () => {
    const api12 = { name: '1.2' }
    const api2004 = { name: '2004' }
    const sco = windowChain({}, {}, { API: api12, API_1484_11: api2004 })
    expect(core.findApi(sco, 'API')).toBe(api12)
    expect(core.findApi(sco, 'API_1484_11')).toBe(api2004)
    expect(core.findApi(windowChain({}, { API_1484_11: api2004 }), 'API')).toBeNull()
  })

  it('looks past a cross-origin frame and then in the opener’s chain', () => {
    const api = { name: '1.2' }
    const crossOrigin: Win = {}
    Object.defineProperty(crossOrigin, 'API', {
      get: () => {
        throw new Error('SecurityError')
      },
    })
    expect(core.findApi(windowChain({}, crossOrigin, { API: api }), 'API')).toBe(api)

    const lmsTop: Win = { API: api }
    windowChain({}, lmsTop)
    const popupTop: Win = { opener: lmsTop }
    expect(core.findApi(windowChain({}, popupTop), 'API')).toBe(api)
  })

  it('runs standalone when no API answers', () => {
    expect(core.connect('scorm12', windowChain({})).kind).toBe('standalone')
    expect(core.connect('scorm12', windowChain({ API: { LMSInitialize: () => 'false' } })).kind).toBe(
      'standalone',
    )
    expect(core.connect('standalone', windowChain({ API: new Scorm12API({ logLevel: 5 }) })).kind).toBe(
      'standalone',
    )
  })
})

describe('a session against scorm-again', () => {
  it('SCORM 1.2: reports strings, sets exit before committing, and finishes exactly once', () => {
    const { api, calls } = recorded(new Scorm12API({ logLevel: 5, autocommit: false }))
    let now = 1_000
    const data = course(3, 2)
    const session = core.createSession(data, core.connect('scorm12', windowChain({ API: api })), () => now)
    session.visit(0)
    session.answer(0, [0])
    now += 65_250
    session.finish(true)
    session.finish(true)

    expect(calls.filter((c) => c === 'LMSFinish')).toHaveLength(1)
    expect(calls.at(-1)).toBe('LMSFinish')
    expect(calls.at(-2)).toBe('LMSCommit')
    expect(calls.at(-3)).toBe('set cmi.core.exit=suspend')
    expect(calls).toContain('set cmi.core.session_time=0000:01:05.25')
    expect(calls.some((c) => c.startsWith('set adl.'))).toBe(false)
    expect(api.cmi.core.lesson_status).toBe('incomplete')
    expect(api.cmi.core.score.raw).toBe('50')
    expect(api.cmi.core.lesson_location).toBe('lesson0')
  })

  it('SCORM 1.2: a 100-question course’s progress is accepted by the LMS and resumes', () => {
    const data = course(300, 100, 6)
    const first = new Scorm12API({ logLevel: 5, autocommit: false })
    const session = core.createSession(data, core.connect('scorm12', windowChain({ API: first })), () => 0)
    data.lessons.forEach((_, i) => session.visit(i))
    data.questions.forEach((_, i) => session.answer(i, [0, 1, 2, 3, 4, 5]))
    session.visit(150)
    session.finish()
    expect(first.cmi.suspend_data.length).toBeGreaterThan(0)

    const second = new Scorm12API({ logLevel: 5, autocommit: false })
    second.loadFromJSON(
      { ...JSON.parse(JSON.stringify(first.cmi)), core: { ...first.cmi.core.toJSON(), entry: 'resume' } },
      '',
    )
    const resumed = core.createSession(data, core.connect('scorm12', windowChain({ API: second })), () => 0)
    expect(resumed.location()).toBe(150)
    expect(resumed.state).toEqual(session.state)
  })

  it('records the latest answer: one checked after "Try again" replaces the first and sets the score', () => {
    const api = new Scorm12API({ logLevel: 5, autocommit: false })
    const data = course(2, 2)
    const session = core.createSession(data, core.connect('scorm12', windowChain({ API: api })), () => 0)
    session.answer(0, [1])
    session.answer(1, [1])
    expect(api.cmi.core.score.raw).toBe('50')
    session.answer(0, [0])
    expect(session.state.answers[0]).toEqual([0])
    expect(api.cmi.core.score.raw).toBe('100')
    session.answer(0, [])
    expect(session.state.answers[0]).toEqual([0])
  })

  it('opens at the start lesson when the LMS holds no bookmark, and at the bookmark when it does', () => {
    const data = course(5, 0, 4, { start: 'lesson3' })
    const fresh = new Scorm12API({ logLevel: 5, autocommit: false })
    expect(
      core.createSession(data, core.connect('scorm12', windowChain({ API: fresh })), () => 0).location(),
    ).toBe(3)
    const standalone = core.connect('standalone', windowChain({}))
    expect(core.createSession(data, standalone, () => 0).location()).toBe(3)
    expect(core.createSession(course(5, 0), standalone, () => 0).location()).toBe(0)
    // A start lesson that is no longer in the course opens the first lesson.
    expect(core.createSession({ ...data, start: 'gone' }, standalone, () => 0).location()).toBe(0)

    const resumed = new Scorm12API({ logLevel: 5, autocommit: false })
    resumed.loadFromJSON({ core: { lesson_location: 'lesson1' } }, '')
    const session = core.createSession(data, core.connect('scorm12', windowChain({ API: resumed })), () => 0)
    expect(session.location()).toBe(1)
  })

  it('never reports an attempt the LMS holds as complete back down to incomplete', () => {
    const api = new Scorm12API({ logLevel: 5, autocommit: false })
    api.loadFromJSON({ core: { lesson_status: 'passed', score: { raw: '90' } } }, '')
    const data = course(2, 1)
    const session = core.createSession(data, core.connect('scorm12', windowChain({ API: api })), () => 0)
    session.visit(0)
    session.finish()
    expect(api.cmi.core.lesson_status).toBe('passed')
    expect(api.cmi.core.score.raw).toBe('90')
  })

  it('SCORM 2004: completion, success, scaled score and the nav request on Exit', () => {
    const { api, calls } = recorded(new Scorm2004API({ logLevel: 5, autocommit: false }))
    const data = course(2, 2, 4, { runtime: 'scorm2004' })
    const session = core.createSession(
      data,
      core.connect('scorm2004', windowChain({ API_1484_11: api })),
      () => 0,
    )
    session.visit(0)
    session.visit(1)
    session.answer(0, [0])
    session.answer(1, [1])
    session.finish(true)
    // cmi.exit is write-only to the SCO; what the LMS stores is in the JSON it keeps.
    const stored = JSON.parse(JSON.stringify(api.cmi)) as Record<string, unknown>
    expect(stored).toMatchObject({ completion_status: 'completed', success_status: 'passed', exit: 'normal' })
    expect(stored.score).toMatchObject({ scaled: '1', raw: '100', min: '0', max: '100' })
    expect(calls.slice(-4)).toEqual([
      'set cmi.exit=normal',
      'set adl.nav.request=exitAll',
      'Commit',
      'Terminate',
    ])
  })
})
