/**
 * Three numbered lines, drawn rather than written: a "1≡" text icon is visible text the button's name ("Numbered
 * list") would have to contain for speech users to say what they see.
 */
export function NumberedListIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M10 6h11M10 12h11M10 18h11" />
      <path d="M4 4.5 5 4v4M4 8h2" strokeWidth="1.5" />
      <path d="M4 12a1 1 0 0 1 2 0c0 1-2 2-2 3h2" strokeWidth="1.5" />
      <path d="M4 17.2a1 1 0 1 1 1 1.3 1 1 0 1 1-1 1.3" strokeWidth="1.5" />
    </svg>
  )
}
