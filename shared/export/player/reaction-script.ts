import { LESSON_REACTIONS, REACTION_QUESTION } from './reactions'

/**
 * Part of the player core (see core-script.ts): lesson reactions as SCORM likert interactions, one record per
 * lesson — its id in each standard's identifier form, the values written for it, which record a lesson's reaction
 * lives in, and how reactions ride along in suspend_data. No DOM; the LMS only through the `lms` handed in.
 */
export const reactionFunctions = String.raw`
  // ---- lesson reactions (likert interactions) ----
  var REACTIONS = ${JSON.stringify(LESSON_REACTIONS)};
  var REACTION_QUESTION = ${JSON.stringify(REACTION_QUESTION)};

  function reactionBy(key, value) {
    for (var i = 0; i < REACTIONS.length; i++) if (REACTIONS[i][key] === value) return REACTIONS[i];
    return null;
  }

  /** SCORM 1.2 CMIIdentifier read strictly: letters, digits, '-' and '_', no spaces, at most 255 characters. */
  function interactionId12(lessonId) {
    return 'chorus_lesson_' + String(lessonId).replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 200) + '_helpful';
  }

  /** SCORM 2004 long_identifier_type: a URI, a URN as the RTE recommends. */
  function interactionId2004(lessonId) {
    return 'urn:chorus:lesson:' + encodeURIComponent(String(lessonId)) + ':helpful';
  }

  /** SCORM 1.2 CMITime: the learner's clock time of day, HH:MM:SS. */
  function clockTime12(date) {
    return pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':' + pad(date.getSeconds(), 2);
  }

  /** SCORM 2004 time(second,10,0) in UTC to the hundredth: its zone designator may only follow the fraction. */
  function timestamp2004(date) {
    return date.toISOString().slice(0, 22) + 'Z';
  }

  /**
   * The values that record a reaction as interaction n, as [element, value] pairs in the order the standards
   * require: the id first, and (2004) the type before the response. The result is "neutral" — a reaction is
   * neither right nor wrong, and some LMS reports leave out interactions without a result. Only 2004 has a
   * description; it names the lesson, since the id cannot.
   */
  function reactionValues(kind, n, lessonId, reaction, date, lessonTitle) {
    var at = 'cmi.interactions.' + n + '.';
    if (kind === 'scorm12') {
      return [
        [at + 'id', interactionId12(lessonId)],
        [at + 'type', 'likert'],
        [at + 'student_response', reaction.code],
        [at + 'result', 'neutral'],
        [at + 'time', clockTime12(date)],
      ];
    }
    return [
      [at + 'id', interactionId2004(lessonId)],
      [at + 'type', 'likert'],
      [at + 'description', (REACTION_QUESTION + ' ' + String(lessonTitle || '')).slice(0, 250)],
      [at + 'learner_response', reaction.name],
      [at + 'result', 'neutral'],
      [at + 'timestamp', timestamp2004(date)],
    ];
  }

  /**
   * The interaction index that holds a lesson's reaction, or the next free one. SCORM 2004 lets the SCO read ids
   * back, so the id is looked up, as its RTE advises. SCORM 1.2 interactions are write-only: the index this
   * learner's reaction was first written at is remembered in suspend_data and reused while the LMS still counts it.
   */
  function reactionSlot(lms, lessonId, remembered) {
    var count = parseInt(lms.get('cmi.interactions._count'), 10) || 0;
    if (lms.kind === 'scorm2004') {
      var id = interactionId2004(lessonId);
      for (var n = 0; n < count; n++) if (lms.get('cmi.interactions.' + n + '.id') === id) return n;
      return count;
    }
    return remembered !== null && remembered < count ? remembered : count;
  }

  // In suspend_data, one token per lesson joined by '.': '' if unanswered, else the reaction's code and the
  // base-36 interaction index it was written at. 300 answered lessons take ~1,200 characters.
  function encodeReactions(reactions) {
    return reactions
      .map(function (r) { return r ? r.code + (r.slot === null ? '' : r.slot.toString(36)) : ''; })
      .join('.');
  }

  function decodeReactions(text, count) {
    var tokens = String(text || '').split('.');
    var reactions = [];
    for (var i = 0; i < count; i++) {
      var token = tokens[i] || '';
      var reaction = reactionBy('code', token.charAt(0));
      var slot = parseInt(token.slice(1), 36);
      reactions.push(reaction ? { code: reaction.code, slot: slot >= 0 ? slot : null } : null);
    }
    return reactions;
  }
`
