import { onePerPerson, usePeers } from '../../sync/presence'

/** Everyone with this course open and connected to the relay, once each, with their caret colour. */
export function PeopleOnline() {
  const peers = onePerPerson(usePeers())
  if (peers.length === 0) return null
  return (
    <ul className="people-online" role="list" aria-label="People online">
      {peers.map((peer) => (
        <li key={peer.clientId} className="person-online">
          <span className="presence-dot" style={{ backgroundColor: peer.colour }} aria-hidden="true" />
          {peer.self ? `${peer.name} (you)` : peer.name}
        </li>
      ))}
    </ul>
  )
}
