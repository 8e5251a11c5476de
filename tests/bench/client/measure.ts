/** Drives one browser page through the app and the floors; every figure is timed inside the page. */
import type { Browser, Page } from 'playwright-core'
import type { BenchCourse } from './generate'
import { median } from './stats'

/**
 * Marks, in milliseconds since navigation, when the outline (or the library) is first painted; `__benchPainted(name)`
 * resolves with the mark once it is set, so the bench waits for it without polling the page (each poll is a round
 * trip that runs script on the page's main thread, about 1.5 ms, in the middle of what is being timed).
 */
const FIRST_PAINT_MARKS = `
  window.__benchMarks = {};
  const painted = {};
  window.__benchPainted = (name) => painted[name];
  const watch = (name, selector) => {
    let resolvePainted;
    painted[name] = new Promise((resolve) => { resolvePainted = resolve; });
    const check = () => {
      if (window.__benchMarks[name] !== undefined || !document.querySelector(selector)) return;
      window.__benchMarks[name] = -1;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.__benchMarks[name] = performance.now();
          resolvePainted(window.__benchMarks[name]);
        };
        channel.port2.postMessage(null);
      });
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  };
  watch('outline', 'nav[aria-label="Course outline"] li.outline-lesson');
  watch('library', 'h1.library-title');
`

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')
const call = (expression: string, ...args: unknown[]): string =>
  `${expression}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`

export interface BenchPage {
  readonly page: Page
  seed(course: BenchCourse): Promise<void>
  /** Milliseconds from navigation until the course's outline is painted. */
  coldOpen(course: BenchCourse): Promise<number>
  /** Milliseconds from navigation until the library is painted, plus reading and applying the course's rows. */
  coldOpenFloor(course: BenchCourse): Promise<{ library: number; readApply: number; applyState: number }>
  /** Waits until the course's outline holds every lesson: the open's work done, the course as a user sees it. */
  outlineComplete(course: BenchCourse): Promise<void>
  switchLessons(course: BenchCourse, targets: readonly number[]): Promise<number[]>
  floorSwitchLessons(course: BenchCourse, targets: readonly number[]): Promise<number[]>
  type(editorLabel: string, text: string): Promise<{ latencies: number[]; longTasks: number[] }>
  rowCount(course: BenchCourse): Promise<number>
  close(): Promise<void>
}

export async function openBenchPage(browser: Browser, url: string, inPage: string): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(FIRST_PAINT_MARKS)
  const page = await context.newPage()
  const load = async (hash: string, mark: 'outline' | 'library'): Promise<number> => {
    await page.goto('about:blank')
    await page.goto(`${url}/${hash}`)
    const at = await Promise.race([
      page.evaluate<number>(`window.__benchPainted('${mark}')`),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`the ${mark} never showed`)), 60_000).unref(),
      ),
    ])
    await page.evaluate(inPage)
    return at
  }
  await load('#/', 'library')

  const typeInto = async (label: string, text: string) => {
    await page.locator(`[aria-label="${label}"]`).click()
    await page.keyboard.press('End')
    await page.evaluate('chorusBench.probes.startTyping()')
    await page.keyboard.type(text, { delay: 35 })
    return page.evaluate<{ latencies: number[]; longTasks: number[] }>('chorusBench.probes.stopTyping()')
  }

  const times = async (expressions: readonly string[]): Promise<number[]> => {
    const out: number[] = []
    for (const expression of expressions) out.push(await page.evaluate<number>(expression))
    return out
  }

  return {
    page,
    seed: async (course) => {
      await page.evaluate(call('chorusBench.seed', course.id, course.title, course.rows.map(base64)))
    },
    coldOpen: (course) => load(`#/course/${course.id}`, 'outline'),
    coldOpenFloor: async (course) => {
      const library = await load('#/', 'library')
      const readApply = await page.evaluate<number>(call('chorusBench.floor.readAndApply', course.id))
      const applyState = median(
        await times([1, 2, 3].map(() => call('chorusBench.floor.applyState', base64(course.state)))),
      )
      return { library, readApply, applyState }
    },
    outlineComplete: async (course) => {
      await page.evaluate(call('chorusBench.outlineComplete', course.order.length))
    },
    switchLessons: (course, targets) =>
      times(
        targets.map((i) => {
          const lesson = course.order[i]
          return call('chorusBench.probes.switchLesson', lesson?.title, lesson?.marker)
        }),
      ),
    floorSwitchLessons: (course, targets) =>
      times(
        targets.map((i) => {
          const lesson = course.order[i]
          return call('chorusBench.probes.floorSwitch', lesson?.id, lesson?.marker)
        }),
      ),
    type: typeInto,
    rowCount: (course) => page.evaluate<number>(call('chorusBench.rowCount', course.id)),
    close: () => context.close(),
  }
}
