import { useContext } from 'react'
import type { Platform } from '../../../shared/platform'
import { PlatformContext } from './platform-context'

export const usePlatform = (): Platform => {
  const platform = useContext(PlatformContext)
  if (!platform) throw new Error('usePlatform needs a <PlatformContext> above it (see main.tsx).')
  return platform
}
