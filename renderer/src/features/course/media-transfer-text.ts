import type { DirectionSummary, TransferSummary } from '../../sync/media-transfer-state'

/** Decimal units, as file managers show file sizes. */
export const formatBytes = (bytes: number): string =>
  bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(bytes >= 10_000_000 ? 0 : 1)} MB`
    : `${Math.max(1, Math.round(bytes / 1_000))} kB`

const files = (count: number): string => `${count} media ${count === 1 ? 'file' : 'files'}`

/** "(38 MB)", or "(12 MB of 150 MB)" once part has arrived; nothing while a size is unknown. */
const amount = ({ bytes, moved }: DirectionSummary): string => {
  if (bytes === null || bytes === 0) return ''
  return moved > 0 ? ` (${formatBytes(moved)} of ${formatBytes(bytes)})` : ` (${formatBytes(bytes)})`
}

/**
 * What the header says about media still moving, or null when nothing is: whether this device's media have
 * reached the relay (so closing it now would not keep them from co-authors) and whether co-authors' have arrived.
 */
export const mediaTransferText = ({ up, down, problem }: TransferSummary): string | null => {
  const parts: string[] = []
  if (up.files > 0) parts.push(`Sending ${files(up.files)}${amount(up)}…`)
  if (down.files > 0) parts.push(`Receiving ${files(down.files)}${amount(down)}…`)
  if (problem) {
    const which =
      problem.files > 1 ? `${problem.files} media files` : problem.files === 1 ? 'A media file' : 'Media'
    const verb = problem.direction === 'up' ? 'sent' : 'received'
    const could = `${which} could not be ${verb}: ${problem.reason}.`
    parts.push(problem.retrying ? `${could} Chorus retries automatically.` : could)
  }
  return parts.length > 0 ? parts.join(' ') : null
}
