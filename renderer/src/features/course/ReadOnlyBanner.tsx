import type { ReadOnlyReason } from '../../review/content-access'

const MESSAGES: Record<ReadOnlyReason, string> = {
  'schema-too-new': 'This course was written by a newer version of Chorus. Update Chorus to edit it.',
  reviewer:
    'You are reviewing this course: you can read it and comment on it; only its authors change its content.',
  viewer: 'You can read this course but not change it or comment on it.',
  learner: 'You are a pilot learner on this course: you can take it and send its authors feedback.',
}

/** Says why the course cannot be edited here, and what this user can still do. */
export function ReadOnlyBanner({ reason }: { readonly reason: ReadOnlyReason }) {
  return (
    <p className="read-only-banner" role="alert">
      {MESSAGES[reason]}
    </p>
  )
}
