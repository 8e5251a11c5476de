import type { CourseId } from '../../../../shared/course/types'

/** The empty panel: how to get pilot learners in, with the command the relay's admin runs. */
export function InviteLearners({ courseId }: { readonly courseId: CourseId }) {
  const command = `npm run relay -- token --course ${courseId} --role learner --name "NAME" --invite wss://YOUR-RELAY`
  return (
    <div className="feedback-empty">
      <p>No pilot learner has sent feedback yet.</p>
      <p>
        Pilot learners take the course in the same player as the export and tell you, lesson by lesson,
        whether it helped, with a comment; their answers to the questions show here too. To invite one, the
        relay’s admin mints a learner invite for this course (the course must be shared first) and sends them
        the link:
      </p>
      <pre className="feedback-command">
        <code>{command}</code>
      </pre>
    </div>
  )
}
