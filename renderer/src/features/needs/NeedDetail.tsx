import { useEffect, useId, useRef, useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusError } from '../../../../shared/errors'
import type { NeedId, TeamCourse } from '../../../../shared/team/types'
import type { TeamSession } from '../../team/team-session'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { ClaimsSection } from './ClaimsSection'
import { commandFailure } from './command-failure'
import { LinkedCourses } from './LinkedCourses'
import { MergeDialog } from './MergeDialog'
import { MergedNotice } from './MergedNotice'
import { NeedDiscussion } from './NeedDiscussion'
import { NeedFacts } from './NeedFacts'
import { NeedContent } from './NeedContent'
import { NeedFormDialog } from './NeedFormDialog'
import { needPermissions } from './need-permissions'
import { StatusMenu } from './StatusMenu'
import { VoteRow } from './VoteRow'
import { When } from './When'

interface NeedDetailProps {
  readonly session: TeamSession
  readonly needId: NeedId
  readonly coursesOf: (ids: readonly CourseId[]) => TeamCourse[]
  readonly now: number
  readonly onOpenNeed: (needId: NeedId | null) => void
  readonly onOpenCourse: (courseId: CourseId) => void
}

type Pending = 'edit' | 'merge' | null

/** One need in full, with what I may do to it by my role: nobody sees a control the relay would refuse them. */
export function NeedDetail({ session, needId, coursesOf, now, onOpenNeed, onOpenCourse }: NeedDetailProps) {
  const { snapshot, me, commands } = session
  const need = snapshot.needs.find((candidate) => candidate.id === needId)
  const [failure, setFailure] = useState<ChorusError | null>(null)
  const [pending, setPending] = useState<Pending>(null)
  const [answering, setAnswering] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const titleId = useId()

  // Opening a need moves focus to it, as a new page would; again once it arrives (a need just declared reaches the
  // snapshot a moment after the route names it).
  const found = need !== undefined
  useEffect(() => heading.current?.focus(), [needId, found])

  const run = (command: () => void): void => {
    setFailure(null)
    try {
      command()
    } catch (thrown) {
      setFailure(commandFailure(thrown))
    }
  }

  const answer = async (): Promise<void> => {
    setFailure(null)
    setAnswering(true)
    try {
      const courseId = await commands.answerWithCourse(needId)
      onOpenCourse(courseId)
    } catch (thrown) {
      setFailure(commandFailure(thrown))
    } finally {
      setAnswering(false)
    }
  }

  const back = (
    <button type="button" className="button button-quiet need-back" onClick={() => onOpenNeed(null)}>
      <span aria-hidden="true">← </span>All needs
    </button>
  )
  if (need === undefined) {
    return (
      <div className="need-detail">
        {back}
        <h3 ref={heading} tabIndex={-1}>
          This need is not on this device yet
        </h3>
        <p>
          It appears here as soon as the team space has synced with the relay. Check the connection above.
        </p>
      </div>
    )
  }

  const allowed = needPermissions(me, need)
  const byId = new Map(snapshot.needs.map((other) => [other.id, other]))
  const mergedInto = need.mergedInto === null ? undefined : byId.get(need.mergedInto)
  const mergeCandidates = snapshot.needs.filter((other) => other.id !== need.id && other.mergedInto === null)
  const declarer = need.declaredBy.id === me.id ? 'you' : need.declaredBy.name

  return (
    <article className="need-detail" aria-labelledby={titleId}>
      {back}
      <h3 id={titleId} className="need-detail-title" ref={heading} tabIndex={-1}>
        {need.title}
      </h3>
      <NeedFacts need={need} />
      <p className="quiet need-declared">
        Declared by {declarer} <When at={need.declaredAt} now={now} />
      </p>
      {failure !== null && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}

      {need.mergedInto !== null ? (
        <MergedNotice
          into={mergedInto ?? null}
          onOpen={() => need.mergedInto !== null && onOpenNeed(need.mergedInto)}
        />
      ) : (
        <VoteRow need={need} me={me} onVote={(on) => run(() => commands.vote(need.id, on))} />
      )}

      <NeedContent need={need} mergedFrom={need.mergedFrom.flatMap((id) => byId.get(id) ?? [])} />

      {(allowed.edit || allowed.triage) && need.mergedInto === null && (
        <div className="need-actions" role="group" aria-label="Need actions">
          {allowed.edit && (
            <button type="button" className="button" onClick={() => setPending('edit')}>
              Edit need
            </button>
          )}
          {allowed.triage && mergeCandidates.length > 0 && (
            <button type="button" className="button" onClick={() => setPending('merge')}>
              Merge into…
            </button>
          )}
          {allowed.statusMoves.includes('archived') && (
            <button
              type="button"
              className="button"
              onClick={() => run(() => commands.setStatus(need.id, 'archived'))}
            >
              Archive
            </button>
          )}
        </div>
      )}

      {need.mergedInto === null && (
        <>
          <StatusMenu
            need={need}
            me={me}
            moves={allowed.statusMoves}
            now={now}
            onMove={(status) => run(() => commands.setStatus(need.id, status))}
          />
          <ClaimsSection
            need={need}
            me={me}
            canClaim={allowed.claim}
            canAssign={allowed.triage}
            members={snapshot.members}
            onClaim={(on) => run(() => commands.claim(need.id, on))}
            onAssign={(expert, on) => run(() => commands.assign(need.id, expert, on))}
          />
        </>
      )}
      <LinkedCourses
        courses={coursesOf(need.courseIds)}
        role={session.me.role}
        canAnswer={allowed.answer && need.mergedInto === null}
        answering={answering}
        now={now}
        onAnswer={() => void answer()}
        onOpenCourse={onOpenCourse}
      />
      <NeedDiscussion
        need={need}
        me={me}
        members={snapshot.members}
        now={now}
        onPost={(text, mentions) => run(() => commands.post(need.id, text, mentions))}
      />

      {pending === 'edit' && (
        <NeedFormDialog
          need={need}
          onSubmit={(fields) => (commands.editNeed(need.id, fields), setPending(null))}
          onCancel={() => setPending(null)}
        />
      )}
      {pending === 'merge' && (
        <MergeDialog
          need={need}
          candidates={mergeCandidates}
          onMerge={(into) => (setPending(null), run(() => commands.merge(need.id, into)))}
          onCancel={() => setPending(null)}
        />
      )}
    </article>
  )
}
