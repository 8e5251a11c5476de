import { countOpenThreads } from '../../../shared/review/filters'
import { openCommentsLabel } from './comment-labels'
import { useThreads } from './review-session'

/** For the export dialog: open threads never block an export, and never travel in it. */
export function OpenCommentsNote() {
  const open = countOpenThreads(useThreads())
  if (open === 0) return null
  return (
    <p className="quiet open-comments-note">
      {openCommentsLabel(open)} — comments are not included in the export.
    </p>
  )
}
