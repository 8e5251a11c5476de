import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { Envelope, Reply, ReplyEnvelope, Request } from './messages'

export interface Worker {
  call<R extends Request>(request: R): Promise<Reply[R['op']]>
  stop(): void
}

/** Client processes, so one event loop does not have to drive thousands of sockets and skew latencies. */
export const startWorkers = (count: number): Worker[] =>
  Array.from({ length: count }, () => {
    const child: ChildProcess = fork(join(import.meta.dirname, 'worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const pending = new Map<number, { done: (value: unknown) => void; fail: (error: Error) => void }>()
    let nextId = 1
    child.on('message', (reply: ReplyEnvelope) => {
      const waiter = pending.get(reply.id)
      pending.delete(reply.id)
      if (reply.ok) waiter?.done(reply.value)
      else waiter?.fail(new Error(`worker: ${reply.error}`))
    })
    child.on('exit', (code) => {
      for (const waiter of pending.values()) waiter.fail(new Error(`worker exited with ${code}`))
      pending.clear()
    })
    return {
      call: <R extends Request>(request: R) =>
        new Promise<Reply[R['op']]>((done, fail) => {
          const id = nextId++
          pending.set(id, { done: done as (value: unknown) => void, fail })
          child.send({ id, request } satisfies Envelope)
        }),
      stop: () => {
        child.disconnect()
      },
    }
  })
