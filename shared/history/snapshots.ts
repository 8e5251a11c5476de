/**
 * Comparing Yjs snapshots (state vector + delete set) of one course taken at different times, possibly on
 * different devices. A delete does not advance a state vector, so both halves are compared.
 */
import * as Y from 'yjs'

/** Whether everything `part` holds — every item and every delete — is also in `whole`. */
export const containsSnapshot = (whole: Y.Snapshot, part: Y.Snapshot): boolean => {
  for (const [client, clock] of part.sv) {
    if ((whole.sv.get(client) ?? 0) < clock) return false
  }
  // Merging normalises both sides (sorted, adjacent ranges joined), so equal means `part` added nothing.
  return Y.equalDeleteSets(Y.mergeDeleteSets([whole.ds]), Y.mergeDeleteSets([whole.ds, part.ds]))
}

/** Whether the course holds anything the snapshot does not. Reads the state vector first: that is cheap. */
export const stateAdvanced = (course: Y.Doc, since: Y.Snapshot): boolean => {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(course))) {
    if (clock > (since.sv.get(client) ?? 0)) return true
  }
  return !containsSnapshot(since, Y.snapshot(course))
}
