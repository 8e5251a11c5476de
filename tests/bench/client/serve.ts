/** Builds the browser build into its own folder and serves it with `vite preview` on its own port. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { build } from 'esbuild'

export interface Served {
  readonly url: string
  stop(): void
}

const waitForHttp = async (url: string, timeoutMs: number): Promise<void> => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

export async function serveWebBuild(outDir: string, port: number): Promise<Served> {
  const env = { ...process.env, CHORUS_WEB_OUT: outDir, CHORUS_WEB_PORT: String(port) }
  if (!process.env.CHORUS_BENCH_SKIP_BUILD) {
    const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], {
      env,
      stdio: 'inherit',
    })
    if (built.status !== 0) throw new Error('the browser build failed')
  }
  const preview: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '-c', 'vite.web.config.ts', '--port', String(port), '--strictPort'],
    { env, stdio: 'ignore', detached: true },
  )
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(url, 30_000)
  return {
    url,
    stop: () => {
      // Its own process group (detached), so npx and vite go together.
      if (preview.pid !== undefined) process.kill(-preview.pid, 'SIGTERM')
    },
  }
}

/** in-page.ts as one script that defines `chorusBench` when evaluated. */
export async function bundleInPage(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./in-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  })
  const [output] = result.outputFiles
  if (!output) throw new Error('bundling the in-page script produced nothing')
  return output.text
}
