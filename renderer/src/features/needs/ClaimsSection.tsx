import { useId, useState } from 'react'
import type { NeedSnapshot, TeamActor, TeamMember, TeamPerson } from '../../../../shared/team/types'

interface ClaimsSectionProps {
  readonly need: NeedSnapshot
  readonly me: TeamActor
  /** Experts and leads claim for themselves. */
  readonly canClaim: boolean
  /** Leads assign experts and take claims back. */
  readonly canAssign: boolean
  readonly members: readonly TeamMember[]
  readonly onClaim: (on: boolean) => void
  readonly onAssign: (expert: TeamPerson, on: boolean) => void
}

/** Who answers the need: the claims (an expert's own, or a lead's assignment), claiming, and assigning. */
export function ClaimsSection({
  need,
  me,
  canClaim,
  canAssign,
  members,
  onClaim,
  onAssign,
}: ClaimsSectionProps) {
  const assignId = useId()
  const claimedByMe = need.claims.some((claim) => claim.expert.id === me.id)
  const claimed = new Set(need.claims.map((claim) => claim.expert.id))
  const experts = members.filter((member) => member.role === 'expert')
  const hasExperts = experts.length > 0
  const assignable = experts.filter((member) => !claimed.has(member.id))
  const [chosen, setChosen] = useState('')
  const expert = assignable.find((member) => member.id === chosen) ?? assignable[0]

  return (
    <section className="need-section" aria-labelledby={`${assignId}-title`}>
      <h4 id={`${assignId}-title`}>Who answers it</h4>
      {need.claims.length === 0 ? (
        <p className="quiet">Nobody has claimed this need yet.</p>
      ) : (
        <ul className="need-claims">
          {need.claims.map((claim) => {
            const self = claim.expert.id === me.id
            const assigned = claim.by.id !== claim.expert.id
            return (
              <li key={claim.expert.id}>
                {self ? 'You' : claim.expert.name}
                {assigned && (
                  <span className="quiet">
                    {' '}
                    (assigned by {claim.by.id === me.id ? 'you' : claim.by.name})
                  </span>
                )}
                {self && canClaim ? (
                  <button type="button" className="button button-quiet" onClick={() => onClaim(false)}>
                    Drop claim
                  </button>
                ) : (
                  canAssign && (
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => onAssign(claim.expert, false)}
                    >
                      Take back from {claim.expert.name}
                    </button>
                  )
                )}
              </li>
            )
          })}
        </ul>
      )}
      {canClaim && !claimedByMe && (
        <button type="button" className="button" onClick={() => onClaim(true)}>
          Claim
        </button>
      )}
      {canAssign &&
        (assignable.length === 0 ? (
          <p className="quiet">
            {hasExperts
              ? 'Every expert of the team has claimed it.'
              : 'No expert has joined the team yet: invite one with --role expert, then assign them here.'}
          </p>
        ) : (
          <div className="need-assign">
            <label className="field-label" htmlFor={assignId}>
              Assign an expert
            </label>
            <div className="need-inline-form">
              <select
                id={assignId}
                className="text-input"
                value={expert?.id ?? ''}
                onChange={(event) => setChosen(event.target.value)}
              >
                {assignable.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button"
                onClick={() => expert !== undefined && onAssign({ id: expert.id, name: expert.name }, true)}
              >
                Assign
              </button>
            </div>
          </div>
        ))}
    </section>
  )
}
