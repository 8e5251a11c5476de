/** Every change to a course, as named commands: one transaction each, with the local origin. */
export { createCourse, renameCourse, updateCourseDetails, updateCourseSettings } from './course-commands'
export type { CourseDetails, NewCourse } from './course-commands'
export { addSection, renameSection, deleteSection, moveSection } from './section-commands'
export type { NewSection } from './section-commands'
export { addLesson, renameLesson, deleteLesson, moveLesson } from './lesson-commands'
export type { NewLesson } from './lesson-commands'
export { writeLessonContent } from './content-io'
