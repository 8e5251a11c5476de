import { useId } from 'react'
import type { NeedSnapshot, TeamMember, TeamPerson } from '../../../../shared/team/types'
import { CommentForm } from '../../review/panel/CommentForm'
import '../../review/panel/review.css'
import { When } from './When'

interface NeedDiscussionProps {
  readonly need: NeedSnapshot
  readonly me: TeamPerson
  /** Who can be @mentioned: the team's members. */
  readonly members: readonly TeamMember[]
  readonly now: number
  readonly onPost: (text: string, mentions: readonly string[]) => void
}

/** The need's discussion, oldest first, and a box to add to it; "@Name" mentions a member (they find it in For me). */
export function NeedDiscussion({ need, me, members, now, onPost }: NeedDiscussionProps) {
  const titleId = useId()
  // A post shows its writer's current name when the team knows it: names change with a new invite.
  const nameOf = (person: TeamPerson): string =>
    person.id === me.id ? 'You' : (members.find((member) => member.id === person.id)?.name ?? person.name)
  return (
    <section className="need-section" aria-labelledby={titleId}>
      <h4 id={titleId}>Discussion</h4>
      {need.posts.length === 0 ? (
        <p className="quiet">Nothing said yet. Ask a question or add what you know.</p>
      ) : (
        <ol className="need-posts" aria-label="Posts">
          {need.posts.map((post) => (
            <li key={post.id} className="need-post">
              <p className="need-post-byline">
                <strong>{nameOf(post.author)}</strong> <When at={post.at} now={now} />
              </p>
              <p className="need-post-text">{post.text}</p>
            </li>
          ))}
        </ol>
      )}
      <CommentForm
        label="Add to the discussion"
        submitLabel="Post"
        members={members}
        me={me}
        onSubmit={onPost}
      />
    </section>
  )
}
