import { describe, expect, it } from 'vitest'
import type { TransferSummary } from '../../sync/media-transfer-state'
import { formatBytes, mediaTransferText } from './media-transfer-text'

const none = { files: 0, bytes: 0, moved: 0 }
const summary = (over: Partial<TransferSummary>): TransferSummary => ({
  up: none,
  down: none,
  problem: null,
  ...over,
})

describe('mediaTransferText', () => {
  it('says nothing when nothing moves', () => {
    expect(mediaTransferText(summary({}))).toBeNull()
  })

  it('counts files going up, with their size when known', () => {
    expect(mediaTransferText(summary({ up: { files: 2, bytes: 38_200_000, moved: 0 } }))).toBe(
      'Sending 2 media files (38 MB)…',
    )
    expect(mediaTransferText(summary({ up: { files: 1, bytes: null, moved: 0 } }))).toBe(
      'Sending 1 media file…',
    )
  })

  it('shows how much of a download has arrived', () => {
    expect(mediaTransferText(summary({ down: { files: 1, bytes: null, moved: 0 } }))).toBe(
      'Receiving 1 media file…',
    )
    expect(mediaTransferText(summary({ down: { files: 1, bytes: 150_000_000, moved: 12_000_000 } }))).toBe(
      'Receiving 1 media file (12 MB of 150 MB)…',
    )
  })

  it('tells what failed, why, and whether Chorus tries again', () => {
    const problem = {
      direction: 'up',
      files: 1,
      reason: 'the relay cannot be reached',
      retrying: true,
    } as const
    expect(mediaTransferText(summary({ up: { files: 1, bytes: 5_000, moved: 0 }, problem }))).toBe(
      'Sending 1 media file (5 kB)… A media file could not be sent: the relay cannot be reached. Chorus retries automatically.',
    )
    expect(
      mediaTransferText(
        summary({
          problem: { direction: 'down', files: 3, reason: 'the relay is busy', retrying: true },
        }),
      ),
    ).toBe('3 media files could not be received: the relay is busy. Chorus retries automatically.')
    expect(
      mediaTransferText(
        summary({
          problem: {
            direction: 'up',
            files: 1,
            reason: 'it is larger than the relay accepts',
            retrying: false,
          },
        }),
      ),
    ).toBe('A media file could not be sent: it is larger than the relay accepts.')
    expect(mediaTransferText(summary({ problem: { ...problem, files: 0 } }))).toBe(
      'Media could not be sent: the relay cannot be reached. Chorus retries automatically.',
    )
  })
})

describe('formatBytes', () => {
  it('uses decimal kB and MB, with a decimal only for small megabytes', () => {
    expect(formatBytes(1)).toBe('1 kB')
    expect(formatBytes(420_000)).toBe('420 kB')
    expect(formatBytes(2_450_000)).toBe('2.5 MB')
    expect(formatBytes(150_400_000)).toBe('150 MB')
  })
})
