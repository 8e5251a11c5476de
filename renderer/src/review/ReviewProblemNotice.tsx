import { ErrorNotice } from '../ui/ErrorNotice'
import { useReviewProblem } from './review-problem'

/** Says when comments cannot be loaded or saved; the course itself keeps working either way. */
export function ReviewProblemNotice() {
  const problem = useReviewProblem()
  if (problem === null) return null
  return <ErrorNotice error={{ code: problem.code, message: `Comments: ${problem.message}` }} />
}
