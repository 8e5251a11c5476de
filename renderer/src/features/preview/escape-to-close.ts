/**
 * The preview's one addition to the export's player page. While the learner works in the player, keys go to its
 * sandboxed frame, never to the app, so the frame passes Escape up and the app closes the preview. The message
 * carries nothing else; the app accepts it only from its own preview frame. Its hash is in the app's CSP next
 * to the player's (kept in sync by tests/integration/content-security-policy.test.ts).
 */
export const ESCAPE_MESSAGE = 'chorus-preview:escape'

export const escapeScript = `document.addEventListener('keydown',function(e){if(e.key==='Escape'&&!e.defaultPrevented)parent.postMessage('${ESCAPE_MESSAGE}','*')})`

/** The player page with the Escape relay as the last thing in its body. */
export const withEscapeToClose = (html: string): string => {
  const end = html.lastIndexOf('</body>')
  const script = `<script>${escapeScript}</script>\n`
  return end < 0 ? html + script : html.slice(0, end) + script + html.slice(end)
}
