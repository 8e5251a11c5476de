interface FieldProblemProps {
  /** The id the field points at with `aria-describedby` while there is a problem. */
  readonly id: string
  readonly problem: string | null
}

/** What is wrong with a field's value, announced as it appears; nothing while all is well. */
export function FieldProblem({ id, problem }: FieldProblemProps) {
  if (problem === null) return null
  return (
    <p id={id} className="field-problem" role="alert">
      {problem}
    </p>
  )
}
