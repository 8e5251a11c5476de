import { useState } from 'react'
import type { ChorusDb } from '../../storage/db'
import { useProfile } from '../../sync/sync-user'
import { SettingsDialog } from './SettingsDialog'

interface SettingsButtonProps {
  readonly db: ChorusDb
  readonly className?: string
}

/** Opens Settings; used in the library and in every course's header. */
export function SettingsButton({ db, className = 'button' }: SettingsButtonProps) {
  const profile = useProfile(db)
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} disabled={profile === null}>
        Settings
      </button>
      {open && profile !== null && (
        <SettingsDialog db={db} profile={profile} onClose={() => setOpen(false)} />
      )}
    </>
  )
}
