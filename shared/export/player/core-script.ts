import { lmsFunctions } from './lms-script'
import { progressFunctions } from './progress-script'
import { reactionFunctions } from './reaction-script'

/**
 * The player's logic without the DOM: progress encoding, scoring, time formats (progress-script.ts), lesson
 * reactions as SCORM interactions (reaction-script.ts), finding and talking to the LMS API, and the session that
 * ties them together (lms-script.ts). It ships as plain JavaScript
 * because the exported package runs it in any browser without a build step, and because a string is the one
 * form that vite, vitest and tsx all import unchanged. Unit tests evaluate it with `new Function` and drive it
 * with scorm-again's APIs in Node (core-script.test.ts).
 *
 * The parts are function declarations sharing this one scope. ES2015 syntax only; no template literals (the
 * parts are template literals themselves), no network, no global other than `ChorusCore`.
 */
export const coreScript = `
var ChorusCore = (function () {
  'use strict';
${progressFunctions}
${reactionFunctions}
${lmsFunctions}
  return {
    encodeState: encodeState,
    decodeState: decodeState,
    emptyState: emptyState,
    summarize: summarize,
    lessonStatus12: lessonStatus12,
    formatTime12: formatTime12,
    formatTime2004: formatTime2004,
    reactionValues: reactionValues,
    findApi: findApi,
    connect: connect,
    createSession: createSession,
  };
})();
`
