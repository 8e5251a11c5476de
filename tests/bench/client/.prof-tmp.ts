// TEMPORARY profiling script (perfhelper); deleted before reporting.
import { chromium } from 'playwright-core'
import { writeFileSync } from 'node:fs'
import { generateBenchCourse } from './generate'
import { bundleInPage, serveWebBuild } from './serve'

const lessons = Number(process.env.LESSONS ?? 1000)
const mode = process.env.MODE ?? 'open'
process.env.CHORUS_BENCH_SKIP_BUILD = '1'
const served = await serveWebBuild(process.env.OUT ?? '/tmp/web-perfhelper-prof', Number(process.env.PORT ?? 5331))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const inPage = await bundleInPage()
  await page.goto(`${served.url}/#/`)
  await page.waitForSelector('h1.library-title')
  await page.evaluate(inPage)
  const course = generateBenchCourse(lessons)
  const b64 = course.rows.map((r) => Buffer.from(r).toString('base64'))
  await page.evaluate(`chorusBench.seed(${JSON.stringify(course.id)}, ${JSON.stringify(course.title)}, ${JSON.stringify(b64)})`)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  const summarize = (profile: any, name: string) => {
    writeFileSync(`/tmp/perfhelper/${name}.cpuprofile`, JSON.stringify(profile))
    const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]))
    const self = new Map<number, number>()
    const dts: number[] = profile.timeDeltas
    profile.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (dts[i] ?? 0) / 1000))
    const agg = new Map<string, number>()
    for (const [id, t] of self) {
      const n = byId.get(id)
      const f = n.callFrame
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
      agg.set(key, (agg.get(key) ?? 0) + t)
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0)
    console.log(`${name}: total ${total.toFixed(0)} ms`)
    ;[...agg].sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, v]) => console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`))
  }
  if (mode === 'open') {
    await cdp.send('Profiler.start')
    const t0 = Date.now()
    await page.evaluate(`location.href = ${JSON.stringify(`${served.url}/?r=1#/course/${course.id}`)}`)
    await page.waitForSelector('nav[aria-label="Course outline"] li.outline-lesson')
    await page.waitForTimeout(300)
    console.log('wall', Date.now() - t0)
    const { profile } = await cdp.send('Profiler.stop')
    summarize(profile, 'open')
  } else {
    await page.evaluate(`location.href = ${JSON.stringify(`${served.url}/?r=1#/course/${course.id}`)}`)
    await page.waitForSelector('nav[aria-label="Course outline"] li.outline-lesson')
    await page.evaluate(inPage)
    const order = course.order
    await page.evaluate(`chorusBench.probes.switchLesson(${JSON.stringify(order[lessons - 1]!.title)}, ${JSON.stringify(order[lessons - 1]!.marker)})`)
    await cdp.send('Profiler.start')
    const times: number[] = []
    for (let i = 0; i < 20; i++) {
      const l = order[(i * 37 + (i % 2) * 500) % lessons]!
      times.push(await page.evaluate<number>(`chorusBench.probes.switchLesson(${JSON.stringify(l.title)}, ${JSON.stringify(l.marker)})`))
    }
    const { profile } = await cdp.send('Profiler.stop')
    console.log('switch times', times.map((t) => t.toFixed(0)).join(' '))
    summarize(profile, 'switch')
  }
} finally {
  await browser.close()
  served.stop()
}
