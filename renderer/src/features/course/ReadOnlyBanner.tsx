export function ReadOnlyBanner() {
  return (
    <p className="read-only-banner" role="alert">
      This course was written by a newer version of Chorus. Update Chorus to edit it.
    </p>
  )
}
