import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../../shared/course/types'
import type { TeamId } from '../../../shared/team/types'
import { openSqliteCourseTeamRegistry } from './course-team-registry'
import { scratchDir } from '../../../tests/fixtures/scratch-dir'

const course = 'course1' as CourseId
const alpha = 'alpha' as TeamId
const bravo = 'bravo' as TeamId

describe('the SQLite course→team registry', () => {
  it('registers a course to the first team that claims it, for good, across reopenings', async () => {
    const dataDir = scratchDir('teams')
    const registry = openSqliteCourseTeamRegistry(dataDir)
    await expect(registry.teamOf(course)).resolves.toBeNull()
    const owners = await Promise.all([registry.claim(course, alpha), registry.claim(course, bravo)])
    expect(owners).toEqual([alpha, alpha])
    registry.close()

    const reopened = openSqliteCourseTeamRegistry(dataDir)
    await expect(reopened.teamOf(course)).resolves.toBe(alpha)
    await expect(reopened.claim(course, bravo)).resolves.toBe(alpha)
    await expect(reopened.claim('course2' as CourseId, bravo)).resolves.toBe(bravo)
    reopened.close()
  })
})
