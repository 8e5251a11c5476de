interface EmptyLibraryProps {
  readonly onCreate: () => void
}

export function EmptyLibrary({ onCreate }: EmptyLibraryProps) {
  return (
    <div className="empty-state">
      <h2>No courses yet</h2>
      <p>A course is a set of sections and lessons you write here, on this device, even offline.</p>
      <button type="button" className="button button-primary" onClick={onCreate}>
        Create your first course
      </button>
    </div>
  )
}
