import { describe, expect, it } from 'vitest'
import { describeFailure, readWithProgress } from './media-transfer'

/** A real Response streaming `chunks`, announcing `length` as its Content-Length when given. */
const streamed = (chunks: Uint8Array[], length?: number): Response =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk)
        controller.close()
      },
    }),
    { headers: length === undefined ? {} : { 'content-length': String(length) } },
  )

const bytes = (from: number, count: number): Uint8Array =>
  Uint8Array.from({ length: count }, (_, i) => from + i)

describe('readWithProgress', () => {
  it('reports each chunk against the announced size and returns the bytes', async () => {
    const reports: [number, number | null][] = []
    const body = await readWithProgress(streamed([bytes(0, 3), bytes(3, 4)], 7), (moved, size) =>
      reports.push([moved, size]),
    )
    expect([...body]).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(body.buffer.byteLength).toBe(7)
    expect(reports).toEqual([
      [3, 7],
      [7, 7],
    ])
  })

  it('reads a body of unknown size, or one that differs from its announced size, exactly', async () => {
    const unknown = await readWithProgress(streamed([bytes(0, 2), bytes(2, 5)]), () => {})
    expect([...unknown]).toEqual([0, 1, 2, 3, 4, 5, 6])
    const longer = await readWithProgress(streamed([bytes(0, 4), bytes(4, 4)], 5), () => {})
    expect([...longer]).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    const shorter = await readWithProgress(streamed([bytes(0, 3)], 10), () => {})
    expect([...shorter]).toEqual([0, 1, 2])
    expect(shorter.buffer.byteLength).toBe(3)
  })
})

describe('describeFailure', () => {
  it('says in words what went wrong', () => {
    expect(describeFailure('upload', { kind: 'unreachable', reason: 'Failed to fetch' })).toBe(
      'the relay cannot be reached',
    )
    const refused = (status: number) => ({ kind: 'refused', status, reason: 'x' }) as const
    expect(describeFailure('download', refused(404))).toMatch(/has not sent it to the relay yet/)
    expect(describeFailure('upload', refused(413))).toBe('it is larger than the relay accepts')
    expect(describeFailure('upload', refused(503))).toBe('the relay had a problem (503)')
    expect(describeFailure('ask', refused(400))).toBe('the relay refused it (400)')
  })
})
