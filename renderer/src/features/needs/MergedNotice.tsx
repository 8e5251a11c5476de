import type { NeedSnapshot } from '../../../../shared/team/types'

interface MergedNoticeProps {
  /** The need it was merged into; null while that one has not reached this device. */
  readonly into: NeedSnapshot | null
  readonly onOpen: () => void
}

/** Says a need is a duplicate a lead merged away, and leads to the one that carries on. */
export function MergedNotice({ into, onOpen }: MergedNoticeProps) {
  const title = into === null ? 'another need' : `“${into.title}”`
  return (
    <p className="need-merged" role="note">
      A lead merged this need into {title}: votes and discussion continue there.{' '}
      <button type="button" className="button button-quiet" onClick={onOpen}>
        Open {title}
      </button>
    </p>
  )
}
