import type { Peer } from '../../sync/presence'

interface LessonPresenceProps {
  /** The other people who have this lesson open. */
  readonly peers: readonly Peer[]
}

/** Who else has this lesson open: coloured dots, read out as “Ada is here”. */
export function LessonPresence({ peers }: LessonPresenceProps) {
  if (peers.length === 0) return null
  const names = peers.map((peer) => peer.name)
  const text = `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} here`
  return (
    <span className="lesson-presence" role="note" title={text}>
      {peers.map((peer) => (
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
