import type { Person, ThreadSnapshot } from '../../../shared/review/types'

/** The `member` field this app puts in a course's awareness, so people online can be mentioned by id. */
export const MEMBER_FIELD = 'member'

/** A well-formed member from another client's awareness state, or null. */
export function memberOf(state: Record<string, unknown>): Person | null {
  const member = state[MEMBER_FIELD] as Partial<Person> | undefined
  if (typeof member?.id !== 'string' || member.id === '' || typeof member.name !== 'string') return null
  return { id: member.id, name: member.name }
}

/**
 * Everyone a comment can mention: this user, then the people online (their current names), then everyone who
 * has started a thread or written a comment, each id once; the first name seen for an id wins.
 */
export function reviewMembers(
  me: Person,
  online: readonly Person[],
  threads: readonly ThreadSnapshot[],
): Person[] {
  const commenters = threads.flatMap((thread) => [thread.createdBy, ...thread.comments.map((c) => c.author)])
  const members = new Map<string, Person>()
  for (const person of [me, ...online, ...commenters]) {
    if (person.id !== '' && !members.has(person.id)) members.set(person.id, person)
  }
  return [...members.values()]
}

/**
 * The name to show for a person a comment or thread names: a member's current one (in a shared course, the name on
 * their invite) over the one stored when it was written — a comment written before sharing shows the name its
 * writer is known by now — else the stored one.
 */
export const currentName = (person: Person, members: readonly Person[]): string =>
  members.find((member) => member.id === person.id)?.name.trim() || person.name
