import { describe, expect, it } from 'vitest'
import type { VersionId, VersionSummary } from '../../../../shared/history/types'
import { lessonList, versionLabel } from './version-label'

const version = (overrides: Partial<VersionSummary>): VersionSummary => ({
  id: 'v1' as VersionId,
  name: '',
  reason: 'hourly',
  createdAt: 0,
  createdBy: { id: 'ann', name: 'Ann' },
  contributors: [],
  changedLessons: [],
  ...overrides,
})

describe('versionLabel', () => {
  it('uses the name given by hand, else says why the version was taken', () => {
    expect(versionLabel(version({ name: 'Sent to Legal', reason: 'named' }))).toBe('Sent to Legal')
    expect(versionLabel(version({ reason: 'hourly' }))).toBe('Automatic')
    expect(versionLabel(version({ reason: 'before-restore' }))).toBe('Before a restore')
    expect(versionLabel(version({ reason: 'export', published: { number: 3, format: 'scorm2004' } }))).toBe(
      'Exported (SCORM 2004) · v3',
    )
    expect(versionLabel(version({ reason: 'publish', published: { number: 1, format: 'scorm12' } }))).toBe(
      'Published (SCORM 1.2) · v1',
    )
  })
})

describe('lessonList', () => {
  it('lists a few lessons by title and counts the rest', () => {
    expect(lessonList(['Erosion', ' '])).toBe('Erosion, Untitled lesson')
    expect(lessonList(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C and 3 more')
  })
})
