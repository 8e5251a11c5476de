import type { ExportFormat, ExportPhase, ExportProgress } from '../../../../shared/export/types'

/** Each phase's share of the bar, by how long it usually takes: rendering lessons, copying media, zipping. */
const PHASE_SPAN: Record<ExportPhase, readonly [start: number, end: number]> = {
  lessons: [0, 50],
  media: [50, 90],
  zip: [90, 100],
}

/** The whole export's progress as a whole percentage, 0–100. */
export const progressPercent = ({ phase, done, total }: ExportProgress): number => {
  const [start, end] = PHASE_SPAN[phase]
  const share = total > 0 ? Math.min(Math.max(done / total, 0), 1) : 1
  return Math.round(start + (end - start) * share)
}

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th Edition',
  web: 'Web (static site)',
}
