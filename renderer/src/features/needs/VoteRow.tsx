import type { NeedSnapshot, TeamPerson } from '../../../../shared/team/types'
import { countOf, listNames } from './need-labels'

interface VoteRowProps {
  readonly need: NeedSnapshot
  readonly me: TeamPerson
  readonly onVote: (on: boolean) => void
}

/** "Me too": a toggle (pressed while I count among the voters), with how many voted and who. */
export function VoteRow({ need, me, onVote }: VoteRowProps) {
  const mine = need.voters.some((voter) => voter.id === me.id)
  const names = need.voters.map((voter) => (voter.id === me.id ? 'you' : voter.name))
  return (
    <div className="need-votes">
      <button
        type="button"
        className={mine ? 'button button-primary' : 'button'}
        aria-pressed={mine}
        onClick={() => onVote(!mine)}
      >
        Me too
      </button>
      <p className="need-votes-who">
        {need.voters.length === 0
          ? 'No votes yet: say “me too” if you need it as well.'
          : `${countOf(need.voters.length, 'vote', 'votes')}: ${listNames(names)}`}
      </p>
    </div>
  )
}
