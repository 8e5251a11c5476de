/**
 * Commands about the team and the people in it: who joined with which role, the team's name, and which For me
 * items a person has read. Each is one transaction with `TEAM_ORIGIN` and writes nothing when nothing changes.
 */
import type * as Y from 'yjs'
import { MAX_ITEM_KEY_LENGTH, MAX_TITLE_LENGTH } from './entries'
import { requireRole, writerOf } from './actor'
import { getEntry, hasEntry, runTeamCommand, setEntry } from './team-store'
import type { TeamActor } from './types'

/** Records the person as their invite names them; writes only on first join or when their name or role changed. */
export const recordMember = (doc: Y.Doc, actor: TeamActor, now: number = Date.now()): void => {
  const { id, name } = writerOf(actor)
  runTeamCommand(doc, () => {
    const key = { kind: 'member', userId: id } as const
    const held = getEntry(doc, key)
    if (held === null || held.name !== name || held.role !== actor.role)
      setEntry(doc, key, { name, role: actor.role, at: now })
  })
}

/** Leads: the team's display name. */
export const renameTeam = (doc: Y.Doc, actor: TeamActor, name: string, now: number = Date.now()): void => {
  const by = writerOf(actor)
  requireRole(actor, ['lead'], 'rename the team')
  const trimmed = name.trim().slice(0, MAX_TITLE_LENGTH).trim()
  if (trimmed.length === 0) throw new RangeError('Give the team a name.')
  runTeamCommand(doc, () => {
    if (getEntry(doc, { kind: 'team' })?.name !== trimmed)
      setEntry(doc, { kind: 'team' }, { name: trimmed, by, at: now })
  })
}

/** Marks For me items (inbox.ts keys) read for the actor; items already marked keep their first time. */
export const markRead = (
  doc: Y.Doc,
  actor: TeamActor,
  itemKeys: readonly string[],
  now: number = Date.now(),
): void => {
  const { id } = writerOf(actor)
  for (const itemKey of itemKeys)
    if (itemKey.length === 0 || itemKey.length > MAX_ITEM_KEY_LENGTH)
      throw new RangeError(`A For me item key must be 1 to ${MAX_ITEM_KEY_LENGTH} characters long.`)
  runTeamCommand(doc, () => {
    for (const itemKey of new Set(itemKeys)) {
      const key = { kind: 'read', userId: id, itemKey } as const
      if (!hasEntry(doc, key)) setEntry(doc, key, { at: now })
    }
  })
}
