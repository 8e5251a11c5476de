/**
 * axe-core inside the page under test. Injected through `page.evaluate`, not a script tag: the app's CSP refuses
 * scripts it does not know, and it is right to.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, type Frame, type Page } from '@playwright/test'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly { readonly target: readonly unknown[] }[]
}

/**
 * Fails with every critical or serious axe finding on the page (or one frame of it) as it is now, each with where
 * it is. Frames are not entered: a sandboxed frame (the learner preview) cannot answer axe's messages, so check it
 * by passing its Frame.
 */
export async function expectNoSeriousAxeViolations(page: Page | Frame, screen: string): Promise<void> {
  // A string is evaluated by the browser's debugger protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async (): Promise<Violation[]> => {
    const { axe } = globalThis as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> }
    }
    // "Label in name" is experimental in axe, so off by default; speech users depend on it, so it is on here.
    const result = await axe.run(document, {
      iframes: false,
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }))
  })
  const serious = violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)
  expect(serious, `axe on ${screen}`).toEqual([])
}
