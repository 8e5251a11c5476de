import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRetryRunner } from './retry-runner'

/** Lets the runner's awaited round settle. */
const flush = () => vi.advanceTimersByTimeAsync(0)

describe('createRetryRunner', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('retries a failing round after doubling, jittered waits, capped', async () => {
    const starts: number[] = []
    const runner = createRetryRunner({
      round: async () => (starts.push(Date.now()), false),
      canRun: () => true,
      firstRetryMs: 1_000,
      maxRetryMs: 4_000,
      random: () => 0.5,
    })
    const t0 = Date.now()
    runner.run()
    await vi.advanceTimersByTimeAsync(20_000)
    runner.stop()
    // Three quarters of 1 s, 2 s, 4 s, 4 s, …: half of each wait plus half of it times random().
    expect(starts.slice(0, 5).map((at) => at - t0)).toEqual([0, 750, 2_250, 5_250, 8_250])
  })

  it('spreads the waits of different devices between half and all of the back-off', async () => {
    const waits = [0, 0.999].map(async (draw) => {
      const starts: number[] = []
      const runner = createRetryRunner({
        round: async () => (starts.push(Date.now()), starts.length > 1),
        canRun: () => true,
        firstRetryMs: 1_000,
        maxRetryMs: 60_000,
        random: () => draw,
      })
      runner.run()
      await vi.advanceTimersByTimeAsync(2_000)
      runner.stop()
      return (starts[1] ?? 0) - (starts[0] ?? 0)
    })
    const [low, high] = await Promise.all(waits)
    expect(low).toBe(500)
    expect(high).toBeGreaterThan(990)
  })

  it('runs once more after a round in progress, never two at once, and stops for good', async () => {
    let active = 0
    let most = 0
    let rounds = 0
    const runner = createRetryRunner({
      round: async () => {
        rounds++
        most = Math.max(most, ++active)
        await new Promise((resolve) => setTimeout(resolve, 100))
        active--
        return true
      },
      canRun: () => true,
      firstRetryMs: 1_000,
      maxRetryMs: 4_000,
    })
    runner.run()
    runner.run()
    runner.run()
    await vi.advanceTimersByTimeAsync(1_000)
    expect([rounds, most]).toEqual([2, 1])
    runner.stop()
    runner.run()
    await flush()
    expect(rounds).toBe(2)
  })

  it('does nothing while it may not run, and counts a thrown round as one to retry', async () => {
    let allowed = false
    const errors: unknown[] = []
    let rounds = 0
    const runner = createRetryRunner({
      round: async () => {
        rounds++
        if (rounds === 1) throw new Error('storage failed')
        return true
      },
      canRun: () => allowed,
      firstRetryMs: 1_000,
      maxRetryMs: 4_000,
      random: () => 0,
      onError: (error) => errors.push(error),
    })
    runner.run()
    await flush()
    expect(rounds).toBe(0)
    allowed = true
    runner.run()
    await vi.advanceTimersByTimeAsync(600)
    expect(rounds).toBe(2)
    expect(errors).toHaveLength(1)
    runner.stop()
  })
})
