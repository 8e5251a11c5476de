import { createContext } from 'react'
import type { Platform } from '../../../shared/platform'

export const PlatformContext = createContext<Platform | null>(null)
