/**
 * Issue 15, point 6: opening a lesson never writes to the document. The editor used to append an empty
 * paragraph to every lesson ending in a list or a heading as it opened (two people opening one at once added
 * two); a click below the last block is how an author gets a paragraph there now.
 */
import { expect, type Page } from '@playwright/test'
import { test } from './support/test'
import { readLessonContent } from '../../shared/course/content-io'
import { newCourseId } from '../../shared/course/ids'
import { readCourse } from '../../shared/course/read'
import type { LessonId } from '../../shared/course/types'
import { bullets, doc, heading, p } from '../fixtures/content'
import { buildCourseDoc } from '../fixtures/course-builder'
import { expectSaved, lessonBody, openLesson } from './support/chorus'
import { readCourseRows, readStoredCourse, storeCourse } from './support/stored-course'

const TITLE = 'Soil Survey'
const LIST_LESSON = 'Ends in a list'
const HEADING_LESSON = 'Ends in a heading'
const endsInList = doc(p('Check each sample for:'), bullets('Texture', 'Colour'))
const endsInHeading = doc(p('That was the field work.'), heading(2, 'Next: the lab'))

async function storeSurvey(page: Page): Promise<{ id: string; lessons: Map<string, LessonId> }> {
  const id = newCourseId()
  const course = buildCourseDoc({
    id,
    title: TITLE,
    sections: [
      {
        title: 'Field work',
        lessons: [
          { title: LIST_LESSON, body: endsInList },
          { title: HEADING_LESSON, body: endsInHeading },
        ],
      },
    ],
  })
  const lessons = new Map(readCourse(course).sections[0]?.lessons.map((lesson) => [lesson.title, lesson.id]))
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'New course', exact: true })).toBeVisible()
  await storeCourse(page, id, TITLE, course)
  course.destroy()
  await page.reload()
  await page.getByRole('link', { name: TITLE }).click()
  return { id, lessons }
}

const lessonId = (lessons: Map<string, LessonId>, title: string): LessonId => {
  const found = lessons.get(title)
  if (!found) throw new Error(`no lesson ${title}`)
  return found
}

test('opening lessons that end in a list or a heading stores nothing', async ({ page }) => {
  const { id, lessons } = await storeSurvey(page)
  const rowsBefore = await readCourseRows(page, id)

  await openLesson(page, LIST_LESSON)
  await expect(lessonBody(page).getByRole('listitem')).toHaveText(['Texture', 'Colour'])
  await openLesson(page, HEADING_LESSON)
  await expect(lessonBody(page).getByRole('heading', { name: 'Next: the lab' })).toBeVisible()
  await openLesson(page, LIST_LESSON)
  await expect(lessonBody(page).getByRole('listitem')).toHaveText(['Texture', 'Colour'])
  await expectSaved(page)

  // Again after a reload, as a second session (or a co-author) opening them would.
  await page.reload()
  await openLesson(page, HEADING_LESSON)
  await expect(lessonBody(page).getByRole('heading', { name: 'Next: the lab' })).toBeVisible()
  await expectSaved(page)

  expect(await readCourseRows(page, id)).toEqual(rowsBefore)
  const stored = await readStoredCourse(page, id)
  expect(readLessonContent(stored, lessonId(lessons, LIST_LESSON))).toEqual(endsInList)
  expect(readLessonContent(stored, lessonId(lessons, HEADING_LESSON))).toEqual(endsInHeading)
})

test('a click below a final list starts a paragraph after it', async ({ page }) => {
  const { id, lessons } = await storeSurvey(page)
  await openLesson(page, LIST_LESSON)
  const body = lessonBody(page)
  await expect(body.getByRole('listitem')).toHaveText(['Texture', 'Colour'])

  const box = await body.boundingBox()
  if (!box) throw new Error('the lesson body is not on screen')
  await page.mouse.click(box.x + 40, box.y + box.height - 20)
  await page.keyboard.type('Then send them to the lab.')
  await expect(body.getByRole('listitem')).toHaveText(['Texture', 'Colour'])
  await expect(body.locator('p').last()).toHaveText('Then send them to the lab.')
  await expectSaved(page)

  const stored = await readStoredCourse(page, id)
  expect(readLessonContent(stored, lessonId(lessons, LIST_LESSON))).toEqual(
    doc(...(endsInList.content ?? []), p('Then send them to the lab.')),
  )
})
