import { useSyncExternalStore } from 'react'
import type { CourseStore, SaveStatus } from '../../storage/course-store'

export const useSaveStatus = (store: CourseStore): SaveStatus =>
  useSyncExternalStore(store.save.subscribe, store.save.get)
