/**
 * Part of the player core (see core-script.ts): the learner's progress as SCORM stores it — suspend_data
 * encoding, scoring against the passing score, completion and success, and each version's time format.
 * Pure functions of the player data and state; no DOM, no LMS.
 */
export const progressFunctions = String.raw`
  // ---- progress encoding (suspend_data) ----
  // "c1|<fingerprint>|<viewed lessons, 5 per base-32 digit>|<answers>": each answer is the base-36 bit mask of
  // the chosen choice indices, '' if unanswered, joined by '.'. 100 questions and 300 lessons take ~300 chars.
  // A course that asks for lesson reactions appends "|<reactions>" (reaction-script.ts); data from before the
  // author turned them on has none, and reads as no reactions yet.
  var B32 = '0123456789abcdefghijklmnopqrstuv';

  function encodeBits(bits) {
    var out = '';
    for (var i = 0; i < bits.length; i += 5) {
      var v = 0;
      for (var j = 0; j < 5 && i + j < bits.length; j++) if (bits[i + j]) v |= 1 << j;
      out += B32.charAt(v);
    }
    return out;
  }

  function decodeBits(text, count) {
    var bits = [];
    for (var i = 0; i < count; i++) {
      var v = B32.indexOf(text.charAt(Math.floor(i / 5)));
      bits.push(v > 0 && ((v >> (i % 5)) & 1) === 1);
    }
    return bits;
  }

  function encodeAnswer(selected) {
    if (!selected || selected.length === 0) return '';
    var mask = 0;
    for (var i = 0; i < selected.length; i++) mask += Math.pow(2, selected[i]);
    return mask.toString(36);
  }

  function decodeAnswer(token, choices) {
    if (!token) return null;
    var mask = parseInt(token, 36);
    if (!(mask > 0)) return null;
    var selected = [];
    for (var i = 0; i < choices; i++) if (Math.floor(mask / Math.pow(2, i)) % 2 === 1) selected.push(i);
    return selected.length > 0 ? selected : null;
  }

  function emptyState(data) {
    return {
      viewed: data.lessons.map(function () { return false; }),
      answers: data.questions.map(function () { return null; }),
      reactions: data.lessons.map(function () { return null; }),
    };
  }

  function encodeState(data, state) {
    var parts = ['c1', data.fingerprint, encodeBits(state.viewed), state.answers.map(encodeAnswer).join('.')];
    if (data.askReactions) parts.push(encodeReactions(state.reactions));
    return parts.join('|');
  }

  /** Returns null for anything not written by this course's current structure: the learner starts afresh. */
  function decodeState(data, text) {
    var parts = String(text || '').split('|');
    if (parts.length < 4 || parts.length > 5 || parts[0] !== 'c1' || parts[1] !== data.fingerprint) return null;
    // One unanswered question encodes as '' too, so '' means "no questions" only when there are none.
    var tokens = data.questions.length === 0 ? [] : parts[3].split('.');
    if (tokens.length !== data.questions.length) return null;
    return {
      viewed: decodeBits(parts[2], data.lessons.length),
      answers: data.questions.map(function (q, i) { return decodeAnswer(tokens[i], q.choices); }),
      reactions: decodeReactions(parts[4], data.lessons.length),
    };
  }

  // ---- scoring and status ----
  function isCorrect(question, selected) {
    if (!selected || selected.length !== question.correct.length) return false;
    for (var i = 0; i < selected.length; i++) if (question.correct.indexOf(selected[i]) < 0) return false;
    return true;
  }

  function round(value, places) {
    var f = Math.pow(10, places);
    return Math.round(value * f) / f;
  }

  function summarize(data, state) {
    var total = data.questions.length;
    var correct = 0;
    var answered = 0;
    for (var i = 0; i < total; i++) {
      if (state.answers[i]) answered++;
      if (isCorrect(data.questions[i], state.answers[i])) correct++;
    }
    var viewedAll = state.viewed.every(Boolean);
    var answeredAll = total > 0 && answered === total;
    // Compared exactly (not on the rounded percentage), as an LMS compares the scaled score.
    var passed = total > 0 && correct * 100 >= data.passingScore * total;
    var failed = answeredAll && !passed;
    var byScore = data.completionRule === 'passing-score' && total > 0;
    var completed = byScore ? passed : viewedAll;
    return {
      total: total,
      answered: answered,
      correct: correct,
      percent: total > 0 ? round((correct * 100) / total, 2) : null,
      scaled: total > 0 ? round(correct / total, 7) : null,
      viewedAll: viewedAll,
      answeredAll: answeredAll,
      passed: passed,
      failed: failed,
      completed: completed,
      // Nothing is left to do: the learner's state no longer needs to be kept for a resume.
      finished: (completed && (total === 0 || answeredAll)) || (byScore && failed),
      byScore: byScore,
    };
  }

  function lessonStatus12(s) {
    if (s.completed) return s.passed ? 'passed' : s.failed ? 'failed' : 'completed';
    if (s.byScore && s.failed) return 'failed';
    // Never "not attempted": Moodle refuses it.
    return 'incomplete';
  }

  function successStatus2004(s) {
    return s.passed ? 'passed' : s.failed ? 'failed' : 'unknown';
  }

  // ---- time formats ----
  function pad(n, width) {
    var text = String(n);
    while (text.length < width) text = '0' + text;
    return text;
  }

  /** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
  function formatTime12(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.min(9999, Math.floor(cs / 360000));
    var minutes = Math.floor(cs / 6000) % 60;
    var seconds = Math.floor(cs / 100) % 60;
    return pad(hours, 4) + ':' + pad(minutes, 2) + ':' + pad(seconds, 2) + '.' + pad(cs % 100, 2);
  }

  /** SCORM 2004 timeinterval: an ISO 8601 duration, e.g. PT1H2M3.45S. */
  function formatTime2004(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.floor(cs / 360000);
    var minutes = Math.floor(cs / 6000) % 60;
    var seconds = (cs % 6000) / 100;
    return 'PT' + hours + 'H' + minutes + 'M' + seconds + 'S';
  }
`
