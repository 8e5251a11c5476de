import { memo } from 'react'
import type { LessonId } from '../../../../shared/course/types'
import { OpenThreadCount } from '../../review/OpenThreadCount'
import type { Peer } from '../../sync/presence'
import { LessonPresence } from './LessonPresence'
import { displayTitle, type OutlineItem } from './outline-item'
import { OutlineRowLabel } from './OutlineRowLabel'
import { RowActions } from './RowActions'
import type { OutlineActions } from './use-outline-controller'
import type { DropHint } from './use-outline-drag'
import { samePeers } from './use-peers-by-lesson'

interface OutlineLessonProps {
  readonly lessonId: LessonId
  readonly storedTitle: string
  readonly selected: boolean
  readonly renaming: boolean
  readonly focusRequested: boolean
  readonly drop: DropHint['edge'] | undefined
  readonly dragging: boolean
  readonly canMoveUp: boolean
  readonly canMoveDown: boolean
  readonly readOnly: boolean
  /** Whether the row's buttons are built yet: the first paint leaves them out. */
  readonly rowActions: boolean
  /** Other people with this lesson open. */
  readonly peers: readonly Peer[]
  readonly openThreads: number
  readonly actions: OutlineActions
}

const sameProps = (a: OutlineLessonProps, b: OutlineLessonProps): boolean =>
  (Object.keys(a) as (keyof OutlineLessonProps)[]).every((key) =>
    key === 'peers' ? samePeers(a.peers, b.peers) : Object.is(a[key], b[key]),
  )

/**
 * One lesson row. Its props are plain values about this row and the outline's long-lived actions, so switching
 * lessons or typing re-renders only the rows whose own values changed, however long the course.
 */
export const OutlineLesson = memo(function OutlineLesson({
  lessonId,
  storedTitle,
  selected,
  renaming,
  focusRequested,
  drop,
  dragging,
  canMoveUp,
  canMoveDown,
  readOnly,
  rowActions,
  peers,
  openThreads,
  actions,
}: OutlineLessonProps) {
  const item: OutlineItem = { kind: 'lesson', id: lessonId }
  const title = displayTitle(storedTitle, 'lesson')

  return (
    <li
      className="outline-row outline-lesson"
      data-drop={drop}
      data-dragging={dragging || undefined}
      data-selected={selected || undefined}
      // Not draggable while renaming, so dragging the pointer in the text field selects text.
      {...actions.drag.source(item, !readOnly && !renaming)}
      {...actions.drag.lessonTarget(lessonId)}
    >
      <OutlineRowLabel
        item={item}
        storedTitle={storedTitle}
        tooltip={title}
        renaming={renaming}
        focusRequested={focusRequested}
        readOnly={readOnly}
        actions={actions}
        className="outline-label"
        onClick={() => actions.selectLesson(lessonId)}
        state={{ 'aria-current': selected ? 'page' : undefined }}
      >
        {title}
      </OutlineRowLabel>
      <LessonPresence peers={peers} />
      <OpenThreadCount count={openThreads} />
      {rowActions && (
        <RowActions
          item={item}
          title={title}
          readOnly={readOnly}
          canMoveUp={canMoveUp}
          canMoveDown={canMoveDown}
          actions={actions}
        />
      )}
    </li>
  )
}, sameProps)
