/**
 * Runs exported packages of the sample course in Chromium under a parent page whose SCORM API is scorm-again:
 * take the course, answer some questions right and some wrong, leave midway, relaunch with the stored CMI data,
 * resume, finish — and check what the package reported, as an LMS would see it.
 */
import { readFile } from 'node:fs/promises'
import { expect, type FrameLocator, type Page } from '@playwright/test'
import { test } from './support/test'
import { decodeCourseFile } from '../../shared/course-file/decode'
import { readCourse } from '../../shared/course/read'
import { SAMPLE_QUESTIONS } from '../fixtures/sample-course'
import { SAMPLE_FILE, startHarness, type ApiCall, type Harness } from './scorm-harness'
import { expectNoSeriousAxeViolations } from './support/axe'

declare global {
  interface Window {
    startLms: (version: '12' | '2004', stored: unknown, src: string) => void
    storedCmi: () => Record<string, unknown>
    calls: ApiCall[]
    decoyCalls: string[]
  }
}

let harness: Harness
let lessonIds: string[]

test.beforeAll(async () => {
  harness = await startHarness()
  const decoded = await decodeCourseFile(await readFile(SAMPLE_FILE))
  if (!decoded.ok) throw new Error(decoded.error.message)
  lessonIds = readCourse(decoded.value.doc).sections.flatMap((s) => s.lessons.map((l) => l.id))
})

test.afterAll(async () => {
  await harness.close()
})

const VERSIONS = {
  '12': {
    dir: 'scorm12',
    init: 'LMSInitialize',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    finish: 'LMSFinish',
    exit: 'cmi.core.exit',
    location: 'cmi.core.lesson_location',
    sessionTime: 'cmi.core.session_time',
    // HHHH:MM:SS.SS
    timeFormat: /^\d{4}:\d{2}:\d{2}\.\d{2}$/,
  },
  '2004': {
    dir: 'scorm2004',
    init: 'Initialize',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    finish: 'Terminate',
    exit: 'cmi.exit',
    location: 'cmi.location',
    sessionTime: 'cmi.session_time',
    // ISO 8601 duration as the player writes it
    timeFormat: /^PT\d+H\d+M\d+(\.\d{1,2})?S$/,
  },
} as const

type Version = keyof typeof VERSIONS

/** Launches the sample course's package for `version`; `dir` picks another export of it (see scorm-harness.ts). */
const launch = async (
  page: Page,
  version: Version,
  stored: unknown,
  dir: string = VERSIONS[version].dir,
): Promise<FrameLocator> => {
  await page.goto(`${harness.origin}/lms.html`)
  await page.evaluate(([v, s, src]) => window.startLms(v, s, src), [
    version,
    stored,
    `${dir}/index.html`,
  ] as const)
  const sco = page.frameLocator('#sco')
  await expect(sco.locator('#chorus-status')).toContainText('lessons viewed')
  return sco
}

const currentTitle = (sco: FrameLocator) => sco.locator('.lesson.current h2')

const next = async (sco: FrameLocator): Promise<void> => {
  await sco.locator('#chorus-next').click()
}

/** Answers the current lesson's question with `choices` and checks the feedback the learner sees. */
const answer = async (sco: FrameLocator, choices: readonly number[], correct: boolean): Promise<void> => {
  const form = sco.locator('.lesson.current form.question')
  for (const choice of choices) await form.locator(`input[value="${choice}"]`).check()
  await form.getByRole('button', { name: 'Check answer' }).click()
  await expect(form.locator(correct ? '.feedback-correct' : '.feedback-incorrect')).toBeVisible()
  await expect(form.locator('input').first()).toBeDisabled()
}

const recorded = (page: Page): Promise<{ calls: ApiCall[]; decoy: string[] }> =>
  page.evaluate(() => ({ calls: window.calls, decoy: window.decoyCalls }))

const setsOf = (calls: readonly ApiCall[], version: Version, element: string): unknown[] =>
  calls.filter((c) => c.fn === VERSIONS[version].set && c.args[0] === element).map((c) => c.args[1])

const lastSet = (calls: readonly ApiCall[], version: Version, element: string): unknown =>
  setsOf(calls, version, element).at(-1)

/** What real LMSs trip on, checked for one launch's calls. */
const expectWellBehaved = (calls: readonly ApiCall[], decoy: readonly string[], version: Version): void => {
  const v = VERSIONS[version]
  expect(decoy, 'the other version’s API must not be used').toEqual([])
  expect(calls[0]?.fn).toBe(v.init)
  expect(calls.filter((c) => c.fn === v.init)).toHaveLength(1)
  expect(
    calls.filter((c) => c.fn === v.finish),
    'terminates exactly once',
  ).toHaveLength(1)
  expect(calls.at(-1)?.fn, 'nothing after terminating').toBe(v.finish)
  for (const set of calls.filter((c) => c.fn === v.set)) {
    expect(typeof set.args[1], `${String(set.args[0])} passed as a string`).toBe('string')
    expect(set.result, `${String(set.args[0])}=${String(set.args[1])} accepted`).toBe('true')
    expect(set.args[1]).not.toBe('not attempted')
  }
  const finish = calls.findIndex((c) => c.fn === v.finish)
  const lastIndex = (match: (c: ApiCall) => boolean): number => calls.map(match).lastIndexOf(true)
  const lastCommit = lastIndex((c) => c.fn === v.commit)
  const lastExit = lastIndex((c) => c.fn === v.set && c.args[0] === v.exit)
  expect(lastExit, 'exit is set before the final commit').toBeLessThan(lastCommit)
  expect(lastCommit).toBeLessThan(finish)
  expect(lastSet(calls, version, v.sessionTime)).toMatch(v.timeFormat)
}

/** First launch: view lessons 1–4, answer the first question right and the second wrong, then leave. */
const firstLaunch = async (page: Page, version: Version): Promise<Record<string, unknown>> => {
  const [q1, q2] = SAMPLE_QUESTIONS
  const sco = await launch(page, version, null)
  await expect(currentTitle(sco)).toHaveText('Welcome to Ledgerly')
  // The sample course does not ask for reactions: no question, and no interactions reported.
  await expect(sco.getByRole('group', { name: REACTION_QUESTION })).toHaveCount(0)
  await next(sco)
  await answer(sco, q1.right, true)
  await next(sco)
  await answer(sco, q2.wrong, false)
  await next(sco)
  await expect(currentTitle(sco)).toHaveText('Creating and sending an invoice')
  // Leaving midway: the LMS navigates the frame away, which fires pagehide in the package.
  await page.evaluate(() => {
    ;(document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'
  })
  await expect
    .poll(async () => (await recorded(page)).calls.some((c) => c.fn === VERSIONS[version].finish))
    .toBe(true)
  const { calls, decoy } = await recorded(page)
  expectWellBehaved(calls, decoy, version)
  const v = VERSIONS[version]
  expect(calls.filter((c) => String(c.args[0]).startsWith('cmi.interactions'))).toEqual([])
  expect(lastSet(calls, version, v.exit)).toBe('suspend')
  expect(lastSet(calls, version, v.location)).toBe(lessonIds[3])
  return page.evaluate(() => window.storedCmi())
}

/** Second launch: resumes where the learner left, shows the stored answers, and finishes the course. */
const secondLaunch = async (
  page: Page,
  version: Version,
  stored: Record<string, unknown>,
  rightOrWrong: readonly boolean[],
): Promise<{ calls: ApiCall[]; storedSuspendData: string }> => {
  const sco = await launch(page, version, stored)
  await expect(currentTitle(sco), 'resumes at the bookmark').toHaveText('Creating and sending an invoice')
  // The answers given in the first launch are back, locked, with their feedback.
  await sco.locator('[data-goto="1"]').click()
  await expect(sco.locator('.lesson.current form.question')).toHaveClass(/is-correct/)
  await sco.locator('[data-goto="2"]').click()
  await expect(sco.locator('.lesson.current form.question')).toHaveClass(/is-incorrect/)
  await expect(sco.locator('.lesson.current form.question input').first()).toBeDisabled()
  await sco.locator('[data-goto="3"]').click()
  for (const [i, q] of SAMPLE_QUESTIONS.slice(2).entries()) {
    await expect(currentTitle(sco)).toBeVisible()
    const right = rightOrWrong[i] ?? true
    await answer(sco, right ? q.right : q.wrong, right)
    await next(sco)
  }
  await expect(currentTitle(sco)).toHaveText('Month-end close and getting help')
  await sco.getByRole('button', { name: 'Exit' }).click()
  await expect(sco.locator('.ended-note')).toBeVisible()
  const { calls, decoy } = await recorded(page)
  expectWellBehaved(calls, decoy, version)
  const v = VERSIONS[version]
  const readBack = calls.find((c) => c.fn === v.get && c.args[0] === 'cmi.suspend_data')
  expect(lastSet(calls, version, v.location)).toBe(lessonIds[7])
  return { calls, storedSuspendData: String(readBack?.result) }
}

test('SCORM 1.2: resume from the stored data, pass, and report as 1.2 expects', async ({ page }) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))

  const stored = await firstLaunch(page, '12')
  const core = stored.core as Record<string, unknown>
  expect(core.lesson_status).toBe('incomplete')
  expect((core.score as Record<string, unknown>).raw).toBe('16.67')
  const firstSuspendData = String(stored.suspend_data)
  expect(firstSuspendData.length).toBeGreaterThan(0)

  // The LMS relaunches with what it stored; a suspended attempt resumes.
  core.entry = 'resume'
  const { calls, storedSuspendData } = await secondLaunch(page, '12', stored, [true, true, true, true])
  expect(storedSuspendData, 'suspend_data round-trips').toBe(firstSuspendData)
  expect(lastSet(calls, '12', 'cmi.core.lesson_status')).toBe('passed')
  // 5 of 6 right.
  expect(lastSet(calls, '12', 'cmi.core.score.raw')).toBe('83.33')
  expect(lastSet(calls, '12', 'cmi.core.score.min')).toBe('0')
  expect(lastSet(calls, '12', 'cmi.core.score.max')).toBe('100')
  expect(lastSet(calls, '12', 'cmi.core.exit'), 'finished: no suspend').toBe('')
  expect(calls.some((c) => c.fn === 'LMSSetValue' && String(c.args[0]).startsWith('adl.'))).toBe(false)

  expect(
    requests.filter((url) => !url.startsWith(harness.origin) && url !== 'about:blank'),
    'no network',
  ).toEqual([])
})

test('SCORM 2004: resume from the stored data, fail on score, and report as 2004 expects', async ({
  page,
}) => {
  const stored = await firstLaunch(page, '2004')
  expect(stored.completion_status).toBe('incomplete')
  expect(stored.success_status).toBe('unknown')
  expect((stored.score as Record<string, unknown>).scaled).toBe('0.1666667')
  const firstSuspendData = String(stored.suspend_data)

  stored.entry = 'resume'
  // Two of the remaining four wrong: 3 of 6 right overall, below the 80% pass mark.
  const { calls, storedSuspendData } = await secondLaunch(page, '2004', stored, [true, false, true, false])
  expect(storedSuspendData, 'suspend_data round-trips').toBe(firstSuspendData)
  expect(lastSet(calls, '2004', 'cmi.completion_status')).toBe('completed')
  expect(lastSet(calls, '2004', 'cmi.success_status')).toBe('failed')
  expect(lastSet(calls, '2004', 'cmi.score.raw')).toBe('50')
  expect(lastSet(calls, '2004', 'cmi.score.min')).toBe('0')
  expect(lastSet(calls, '2004', 'cmi.score.max')).toBe('100')
  expect(lastSet(calls, '2004', 'cmi.score.scaled')).toBe('0.5')
  expect(lastSet(calls, '2004', 'cmi.exit')).toBe('normal')
  expect(lastSet(calls, '2004', 'adl.nav.request')).toBe('exitAll')
  expect(setsOf(calls, '2004', 'cmi.completion_status')).not.toContain('not attempted')
})

const REACTION_QUESTION = 'Was this lesson helpful?'

/** How each version records a lesson's reaction: the interaction's id, and the response element and values. */
const REACTION_RECORDS = {
  '12': {
    id: (lessonId: string) => `chorus_lesson_${lessonId}_helpful`,
    response: 'student_response',
    helpful: 'h',
    confusing: 'c',
  },
  '2004': {
    id: (lessonId: string) => `urn:chorus:lesson:${lessonId}:helpful`,
    response: 'learner_response',
    helpful: 'helpful',
    confusing: 'confusing',
  },
} as const

for (const version of ['12', '2004'] as const) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: the learner says whether lessons helped; the LMS gets one likert interaction per lesson`, async ({
    page,
  }) => {
    const r = REACTION_RECORDS[version]
    const dir = `${VERSIONS[version].dir}-reactions`
    const sco = await launch(page, version, null, dir)
    const question = sco.locator('.lesson.current').getByRole('group', { name: REACTION_QUESTION })
    const choice = (name: string) => question.getByRole('button', { name, exact: true })
    await expect(question).toBeVisible()
    for (const name of ['Helpful', 'Not helpful', 'Confusing']) {
      await expect(choice(name)).toHaveAttribute('aria-pressed', 'false')
    }
    // A change of mind updates the same interaction.
    await choice('Not helpful').click()
    await choice('Helpful').click()
    await expect(choice('Helpful')).toHaveAttribute('aria-pressed', 'true')
    await expect(choice('Not helpful')).toHaveAttribute('aria-pressed', 'false')
    const frame = await (await page.locator('#sco').elementHandle())?.contentFrame()
    if (!frame) throw new Error('the LMS page has no SCO frame')
    await expectNoSeriousAxeViolations(frame, 'the player asking whether a lesson helped')

    await next(sco)
    await choice('Confusing').click()
    await sco.getByRole('button', { name: 'Exit' }).click()
    await expect(sco.locator('.ended-note')).toBeVisible()

    const { calls, decoy } = await recorded(page)
    expectWellBehaved(calls, decoy, version)
    const at = (n: number, field: string) => `cmi.interactions.${n}.${field}`
    expect(new Set(setsOf(calls, version, at(0, 'id')))).toEqual(new Set([r.id(lessonIds[0] ?? '')]))
    expect(setsOf(calls, version, at(0, 'type'))).toEqual(['likert', 'likert'])
    expect(lastSet(calls, version, at(0, r.response))).toBe(r.helpful)
    expect(setsOf(calls, version, at(1, 'id'))).toEqual([r.id(lessonIds[1] ?? '')])
    expect(lastSet(calls, version, at(1, r.response))).toBe(r.confusing)
    expect(calls.some((c) => String(c.args[0]).startsWith('cmi.interactions.2.'))).toBe(false)

    // Relaunched from what the LMS stored, the learner sees their answers again.
    const stored = await page.evaluate(() => window.storedCmi())
    if (version === '12') (stored.core as Record<string, unknown>).entry = 'resume'
    else stored.entry = 'resume'
    const resumed = await launch(page, version, stored, dir)
    await resumed.locator('[data-goto="0"]').click()
    await expect(
      resumed.locator('.lesson.current').getByRole('button', { name: 'Helpful', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true')
  })
}

test('packages run standalone, without an LMS', async ({ page }) => {
  for (const dir of ['web', 'scorm12', 'scorm2004']) {
    await page.goto(`${harness.origin}/${dir}/index.html`)
    const status = page.locator('#chorus-status')
    await expect(status).toContainText('1 of 8 lessons viewed')
    if (dir === 'web') await expect(status).not.toContainText('no LMS')
    else await expect(status).toContainText('no LMS found')
    await page.locator('#chorus-next').click()
    await page.locator('.lesson.current input[value="1"]').check()
    await page.getByRole('button', { name: 'Check answer' }).click()
    await expect(page.locator('.lesson.current .feedback-correct')).toBeVisible()
    await expect(status).toContainText('2 of 8 lessons viewed')
    await expect(page.locator('.lesson.current img')).toHaveJSProperty('complete', true)
    expect(
      await page.locator('.lesson.current img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(480)
  }
})
