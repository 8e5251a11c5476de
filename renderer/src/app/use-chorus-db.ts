import { useEffect, useState } from 'react'
import type { ChorusError } from '../../../shared/errors'
import { openChorusDb, type ChorusDb } from '../storage/db'

/**
 * The one database connection for the whole session, plus problems the connection reports later
 * (another tab blocking an upgrade, the database closing under us). Dexie opens lazily, so opening cannot fail here;
 * a failed open surfaces as an error from the first query.
 */
export const useChorusDb = (): { readonly db: ChorusDb; readonly problem: ChorusError | null } => {
  const [db] = useState(() => openChorusDb())
  const [problem, setProblem] = useState<ChorusError | null>(null)
  useEffect(() => db.connection.onProblem(setProblem), [db])
  return { db, problem }
}
