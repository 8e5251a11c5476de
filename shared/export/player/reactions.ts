/**
 * The learner's reaction to a lesson, asked at its end when the course turns it on: the same three reactions the
 * issue gives pilot learners (helpful / not helpful / confusing), so packages and the learner view speak alike.
 * They are categories rather than points on one scale, which SCORM's likert type allows: its response is an
 * identifier with no correct answer and no order.
 *
 * `code` is what SCORM 1.2 records: its likert response is a single character (0-9, a-z). SCORM 2004 records
 * `name`, a short_identifier_type. The player script embeds this table, so it is written once.
 */
export const LESSON_REACTIONS = [
  { name: 'helpful', code: 'h', label: 'Helpful' },
  { name: 'not-helpful', code: 'n', label: 'Not helpful' },
  { name: 'confusing', code: 'c', label: 'Confusing' },
] as const

export const REACTION_QUESTION = 'Was this lesson helpful?'

export type LessonReactionName = (typeof LESSON_REACTIONS)[number]['name']
