import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security-policy'
import { escapeScript } from '../../renderer/src/features/preview/escape-to-close'
import { learnerBridgeScript } from '../../renderer/src/features/preview/learner-bridge'
import { playerScript } from '../../shared/export/player'

const INDEX_HTML = resolve(import.meta.dirname, '../../renderer/index.html')

/** The policy in the renderer page's meta tag: what the browser build enforces (and Electron too, with its header). */
const metaPolicy = async (): Promise<string> => {
  const html = await readFile(INDEX_HTML, 'utf8')
  const found = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
  if (!found?.[1]) throw new Error('renderer/index.html has no Content-Security-Policy meta tag')
  return found[1]
}

const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words): words is [string, ...string[]] => words[0] !== undefined && words[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  )

describe('content security policy', () => {
  it('is the same in the browser build’s meta tag and the desktop shell’s response header', async () => {
    expect(directives(await metaPolicy())).toEqual(directives(CONTENT_SECURITY_POLICY))
  })

  it('allows inline script only by the hashes of the player, the preview’s Escape relay and the learner bridge, as they are now', async () => {
    // If this fails after a change to either script, put the hashes below into script-src in renderer/index.html
    // and electron/main/security-policy.ts; otherwise the browser blocks the script and the preview breaks.
    const hash = (script: string) =>
      `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`
    for (const policy of [await metaPolicy(), CONTENT_SECURITY_POLICY]) {
      expect(directives(policy).get('script-src')).toEqual([
        "'self'",
        hash(playerScript),
        hash(escapeScript),
        hash(learnerBridgeScript),
      ])
    }
  })

  it('never allows inline script by keyword, eval or plugins', () => {
    const policy = directives(CONTENT_SECURITY_POLICY)
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'")
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'")
    expect(policy.get('object-src')).toEqual(["'none'"])
  })
})
