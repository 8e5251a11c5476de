import type { CompletionRule } from '../../course/types'

/** Where the player reports to: one SCORM version's API, or nothing (web export, learner preview, no LMS found). */
export type PlayerRuntime = 'scorm12' | 'scorm2004' | 'standalone'

/**
 * The JSON the page hands the player script. The player reads only this and the DOM; correct answers live
 * here rather than in the markup. Field names are short because the 300-lesson course's page carries them.
 */
export interface PlayerData {
  readonly runtime: PlayerRuntime
  /** Changes when lessons or questions are added, removed or reordered, so stale suspend_data is ignored. */
  readonly fingerprint: string
  readonly passingScore: number
  readonly completionRule: CompletionRule
  readonly lessons: readonly { readonly id: string }[]
  /** The lesson id to open when the LMS holds no bookmark: the learner preview opens the author's lesson. */
  readonly start?: string
  readonly questions: readonly PlayerQuestion[]
  /** Present when the course asks "Was this lesson helpful?" at the end of each lesson (reactions.ts). */
  readonly askReactions?: true
}

export interface PlayerQuestion {
  /** Indices of the correct choices, ascending. */
  readonly correct: readonly number[]
  readonly choices: number
}

/** Serialises data for a `<script type="application/json">` element: `<` is escaped so `</script>` cannot end it. */
export const embedPlayerData = (data: PlayerData): string => JSON.stringify(data).replace(/</g, '\\u003c')
