interface EmptyLibraryProps {
  readonly onCreate: () => void
  readonly onTrySample: () => void
  /** A course file or the sample is being imported. */
  readonly busy: boolean
}

export function EmptyLibrary({ onCreate, onTrySample, busy }: EmptyLibraryProps) {
  return (
    <div className="empty-state">
      <h2>No courses yet</h2>
      <p>A course is a set of sections and lessons you write here, on this device, even offline.</p>
      <button type="button" className="button button-primary" onClick={onCreate}>
        Create your first course
      </button>
      <button type="button" className="button" onClick={onTrySample} disabled={busy}>
        Try the sample course
      </button>
    </div>
  )
}
