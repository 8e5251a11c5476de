import type * as Y from 'yjs'
import { NODE, type ContentNode } from '../../../../shared/course/content'
import { readLessonContent } from '../../../../shared/course/content-io'
import type { LessonId } from '../../../../shared/course/types'

/** Each question's prompt by its id, in the given lessons: the Feedback panel names questions by what they ask. */
export const questionPrompts = (courseDoc: Y.Doc, lessonIds: readonly LessonId[]): Map<string, string> => {
  const prompts = new Map<string, string>()
  const visit = (node: ContentNode): void => {
    if (node.type === NODE.question) {
      const { id, prompt } = node.attrs ?? {}
      if (typeof id === 'string' && id !== '') prompts.set(id, typeof prompt === 'string' ? prompt : '')
      return
    }
    node.content?.forEach(visit)
  }
  for (const lessonId of lessonIds) visit(readLessonContent(courseDoc, lessonId))
  return prompts
}
