import { describe, expect, it } from 'vitest'
import { readTeam } from '../../../shared/team/read'
import { declareNeed } from '../../../shared/team/team-doc'
import { fakeChorusDb } from '../storage/store-test-support'
import { openTeamStore } from './team-store'
import { TEAM } from './team-test-support'

describe('the team store', () => {
  it('keeps a team space on this device, apart from every course, across a restart', async () => {
    const { db, reopen } = fakeChorusDb('team-store')
    const store = await openTeamStore(db, TEAM)
    expect(readTeam(store.doc, TEAM).needs).toEqual([])
    declareNeed(
      store.doc,
      { id: 'u-1', name: 'Mo', role: 'member' },
      {
        title: 'Onboarding',
        outcome: 'Ship on day one',
        audience: 'new hires',
        urgency: 'now',
        due: null,
        context: '',
        links: [],
      },
    )
    await store.close()
    db.close()

    const again = reopen()
    expect(await again.updates.count()).toBe(0)
    const reopened = await openTeamStore(again, TEAM)
    expect(readTeam(reopened.doc, TEAM).needs.map((need) => need.title)).toEqual(['Onboarding'])
    await reopened.close()
  })
})
