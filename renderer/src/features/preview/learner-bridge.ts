/**
 * What the pilot learners' view adds to the export's player page, so the player itself stays exactly what packages
 * ship: a script that tells the app which lesson the learner is on and each answer they check. The frame is
 * sandboxed to another origin, so it can only post messages; the app accepts them only from its own learner
 * frame and checks their shape. The script reads what the player shows (the lesson marked current, a checked
 * question marked right or wrong) after the player has handled the event. Its hash is in the app's CSP next to
 * the player's (kept in sync by tests/integration/content-security-policy.test.ts).
 */
export const LESSON_MESSAGE = 'chorus-learner:lesson'
export const ANSWER_MESSAGE = 'chorus-learner:answer'

export const learnerBridgeScript = `(function(){var root=document.getElementById('chorus');if(!root)return;var shown=-1;function send(m){parent.postMessage(m,'*')}function current(){var l=root.querySelector('.lesson.current');var i=l?Number(l.getAttribute('data-lesson')):-1;if(i!==shown){shown=i;send({type:'${LESSON_MESSAGE}',lesson:i})}}new MutationObserver(current).observe(root,{subtree:true,attributes:true,attributeFilter:['class']});current();document.addEventListener('submit',function(e){var f=e.target;if(!f||!f.classList||!f.classList.contains('question'))return;var ok=f.classList.contains('is-correct');if(!ok&&!f.classList.contains('is-incorrect'))return;var l=f.closest('[data-lesson]');if(!l)return;send({type:'${ANSWER_MESSAGE}',lesson:Number(l.getAttribute('data-lesson')),question:Number(f.getAttribute('data-question')),correct:ok})})})()`

/** The player page with the bridge as the last thing in its body, after the player has started. */
export const withLearnerBridge = (html: string): string => {
  const end = html.lastIndexOf('</body>')
  const script = `<script>${learnerBridgeScript}</script>\n`
  return end < 0 ? html + script : html.slice(0, end) + script + html.slice(end)
}

export type LearnerMessage =
  | { readonly type: typeof LESSON_MESSAGE; readonly lesson: number }
  | {
      readonly type: typeof ANSWER_MESSAGE
      readonly lesson: number
      readonly question: number
      readonly correct: boolean
    }

const isIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0

/** A message from the learner frame, if it is one the bridge sends; anything else is ignored. */
export const readLearnerMessage = (data: unknown): LearnerMessage | null => {
  if (typeof data !== 'object' || data === null) return null
  const { type, lesson, question, correct } = data as Record<string, unknown>
  if (type === LESSON_MESSAGE && isIndex(lesson)) return { type, lesson }
  if (type === ANSWER_MESSAGE && isIndex(lesson) && isIndex(question) && typeof correct === 'boolean')
    return { type, lesson, question, correct }
  return null
}
