import { useState } from 'react'
import type { ChorusDb } from '../../storage/db'
import { useSyncUser } from '../../sync/sync-user'
import { SettingsDialog } from './SettingsDialog'

interface SettingsButtonProps {
  readonly db: ChorusDb
  readonly className?: string
}

/** Opens Settings; used in the library and in every course's header. */
export function SettingsButton({ db, className = 'button' }: SettingsButtonProps) {
  const user = useSyncUser(db)
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} disabled={user === null}>
        Settings
      </button>
      {open && user !== null && <SettingsDialog db={db} user={user} onClose={() => setOpen(false)} />}
    </>
  )
}
