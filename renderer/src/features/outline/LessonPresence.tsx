import type { LessonId } from '../../../../shared/course/types'
import { usePeers } from '../../sync/presence'

interface LessonPresenceProps {
  readonly lessonId: LessonId
}

/** Who else has this lesson open: coloured dots, read out as “Ada is here”. */
export function LessonPresence({ lessonId }: LessonPresenceProps) {
  const here = usePeers().filter((peer) => !peer.self && peer.lessonId === lessonId)
  if (here.length === 0) return null
  const names = here.map((peer) => peer.name)
  const text = `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} here`
  return (
    <span className="lesson-presence" role="note" title={text}>
      {here.map((peer) => (
        <span
          key={peer.clientId}
          className="presence-dot"
          style={{ backgroundColor: peer.colour }}
          aria-hidden="true"
        />
      ))}
      <span className="visually-hidden">{text}</span>
    </span>
  )
}
