import type { CoursePlan } from './course-plan'
import { escapeHtml as esc } from './html'
import { playerScript, playerStyles } from './player'
import { embedPlayerData, type PlayerData, type PlayerRuntime } from './player/player-data'
import { LESSON_REACTIONS, REACTION_QUESTION } from './player/reactions'

export interface PlayerDocumentOptions {
  readonly runtime: PlayerRuntime
  /**
   * 'files': the page links player.css and player.js beside it (a package).
   * 'inline': one self-contained document, e.g. for an iframe's srcdoc in the learner preview.
   */
  readonly assets: 'files' | 'inline'
  /** The lesson to open first when no LMS bookmark says otherwise; packages leave it out and open lesson 1. */
  readonly startLessonId?: string
  /**
   * Whether the page has its own Exit button (default true): a package needs one to end the LMS session; the learner
   * preview leaves it out, since the app's "Close preview" is its one way out.
   */
  readonly exitButton?: boolean
  /** The course's publish number, shown in the page's footer ("Version 3") so a learner or admin can tell packages apart. */
  readonly publishNumber?: number
}

export const PLAYER_SCRIPT_FILE = 'player.js'
export const PLAYER_STYLES_FILE = 'player.css'

export const playerData = (plan: CoursePlan, runtime: PlayerRuntime, startLessonId?: string): PlayerData => ({
  runtime,
  fingerprint: plan.fingerprint,
  passingScore: plan.course.meta.settings.passingScore,
  completionRule: plan.course.meta.settings.completionRule,
  lessons: plan.lessons.map((l) => ({ id: l.id })),
  questions: plan.questions.map((q) => ({
    correct: q.choices.flatMap((c, i) => (c.correct ? [i] : [])),
    choices: q.choices.length,
  })),
  // Left out rather than empty, so a package's data stays exactly as before.
  ...(startLessonId === undefined ? {} : { start: startLessonId }),
  ...(plan.course.meta.settings.askLessonReactions ? { askReactions: true } : {}),
})

/**
 * The reaction question, once: the player copies it to the end of each lesson. A template keeps it out of the
 * page without script, where no answer could be recorded.
 */
const REACTION_BUTTONS = LESSON_REACTIONS.map(
  (r) => `<button type="button" aria-pressed="false" data-reaction="${esc(r.name)}">${esc(r.label)}</button>`,
).join('')
const REACTION_TEMPLATE = `<template id="chorus-reaction"><fieldset class="reaction"><legend>${esc(REACTION_QUESTION)}</legend>${REACTION_BUTTONS}</fieldset></template>`

const renderToc = (plan: CoursePlan): string =>
  plan.course.sections
    .map((section, s) => {
      const links = plan.lessons
        .map((lesson, i) => ({ lesson, i }))
        .filter(({ lesson }) => lesson.sectionIndex === s)
        .map(({ lesson, i }) => `<li><a href="#lesson-${i}" data-goto="${i}">${esc(lesson.title)}</a></li>`)
        .join('')
      return links ? `<li><span class="section-title">${esc(section.title)}</span><ol>${links}</ol></li>` : ''
    })
    .join('')

const renderLessons = (plan: CoursePlan): string =>
  plan.lessons
    .map(
      (lesson, i) =>
        `<article class="lesson" id="lesson-${i}" data-lesson="${i}"><h2>${esc(lesson.title)}</h2>${lesson.html}</article>`,
    )
    .join('\n')

/**
 * The one page of a package, and of the learner preview: every lesson is in it (so it works from file:// and
 * offline), and the player script shows one at a time. Without script, all lessons show one after another.
 */
export const renderPlayerDocument = (plan: CoursePlan, options: PlayerDocumentOptions): string => {
  const { meta } = plan.course
  const styles =
    options.assets === 'inline'
      ? `<style>${playerStyles}</style>`
      : `<link rel="stylesheet" href="${PLAYER_STYLES_FILE}">`
  const script =
    options.assets === 'inline'
      ? `<script>${playerScript}</script>`
      : `<script src="${PLAYER_SCRIPT_FILE}"></script>`
  return `<!DOCTYPE html>
<html lang="${esc(meta.language || 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.title)}</title>
${styles}
</head>
<body>
<div class="chorus" id="chorus">
<header class="bar">
<button type="button" class="toc-toggle" id="chorus-toc-toggle" aria-controls="chorus-toc">Contents</button>
<h1>${esc(meta.title)}</h1>
${options.exitButton === false ? '' : '<button type="button" id="chorus-exit">Exit</button>\n'}</header>
<div class="status" id="chorus-status" role="status"></div>
<div class="body">
<nav class="toc" id="chorus-toc" aria-label="Course contents"><ol>${renderToc(plan)}</ol></nav>
<main class="content">
${renderLessons(plan)}
<nav class="pager" aria-label="Lessons">
<button type="button" id="chorus-prev">Previous</button>
<span id="chorus-position"></span>
<button type="button" id="chorus-next">Next</button>
</nav>
</main>
</div>
<p class="ended-note">You have left the course. You can close this window.</p>
${options.publishNumber === undefined ? '' : `<footer class="version">Version ${options.publishNumber}</footer>\n`}</div>
${plan.course.meta.settings.askLessonReactions ? `${REACTION_TEMPLATE}\n` : ''}<script type="application/json" id="chorus-data">${embedPlayerData(playerData(plan, options.runtime, options.startLessonId))}</script>
${script}
</body>
</html>
`
}
