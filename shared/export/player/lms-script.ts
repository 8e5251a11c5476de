/**
 * Part of the player core (see core-script.ts): finding the packaged version's LMS API, talking to it with
 * string values only, and the session that reports progress — committing at each step and ending exactly once.
 */
export const lmsFunctions = String.raw`
  // ---- finding the LMS API ----
  function climb(start, name) {
    var win = start;
    for (var hops = 0; win && hops < 500; hops++) {
      try {
        if (win[name]) return win[name];
      } catch (e) {
        // A cross-origin frame on the way up: keep climbing, its parent may be ours.
      }
      var parent = null;
      try { parent = win.parent; } catch (e) { parent = null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  /** The standard search: this window and its parents, then the opener's chain. Only the named API counts. */
  function findApi(win, name) {
    var found = climb(win, name);
    if (found) return found;
    try {
      var top = win.top || win;
      var opener = top.opener || win.opener;
      if (opener) return climb(opener, name);
    } catch (e) {
      return null;
    }
    return null;
  }

  var VERSIONS = {
    scorm12: {
      api: 'API', init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', end: 'LMSFinish',
      location: 'cmi.core.lesson_location', sessionTime: 'cmi.core.session_time', exit: 'cmi.core.exit',
      suspended: 'suspend', normal: '', time: formatTime12,
    },
    scorm2004: {
      api: 'API_1484_11', init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', end: 'Terminate',
      location: 'cmi.location', sessionTime: 'cmi.session_time', exit: 'cmi.exit',
      suspended: 'suspend', normal: 'normal', time: formatTime2004,
    },
  };

  /** Memory only: the web export and the learner preview run without an LMS, as does a package opened outside one. */
  function standalone() {
    var values = {};
    return {
      kind: 'standalone',
      get: function (name) { return values[name] || ''; },
      set: function (name, value) { values[name] = String(value); return true; },
      commit: function () { return true; },
      end: function () { return true; },
    };
  }

  function connect(runtime, win) {
    var v = VERSIONS[runtime];
    var api = v ? findApi(win, v.api) : null;
    if (!api || String(api[v.init]('')) !== 'true') return standalone();
    return {
      kind: runtime,
      v: v,
      get: function (name) { var value = api[v.get](name); return value == null ? '' : String(value); },
      // Every value crosses as a string: some LMSs reject numbers.
      set: function (name, value) { return String(api[v.set](name, String(value))) === 'true'; },
      commit: function () { return String(api[v.commit]('')) === 'true'; },
      end: function () { return String(api[v.end]('')) === 'true'; },
    };
  }

  // ---- the session ----
  function lessonIndex(data, id) {
    for (var i = 0; id && i < data.lessons.length; i++) if (data.lessons[i].id === id) return i;
    return -1;
  }

  function createSession(data, lms, now) {
    var v = lms.v;
    var started = now();
    var ended = false;
    var state = decodeState(data, lms.get('cmi.suspend_data')) || emptyState(data);
    var bookmark = v ? lms.get(v.location) : '';
    // An attempt the LMS already holds as complete (e.g. relaunched after finishing, its progress not kept)
    // is never reported back down to incomplete; it is reported again only once it completes anew.
    var completeBefore = lms.kind === 'scorm12'
      ? ['passed', 'completed'].indexOf(lms.get('cmi.core.lesson_status')) >= 0
      : lms.kind === 'scorm2004' && lms.get('cmi.completion_status') === 'completed';
    // The LMS's bookmark wins; a start lesson (the learner preview's) only stands in for a missing one.
    var location = lessonIndex(data, bookmark);
    if (location < 0) location = Math.max(0, lessonIndex(data, data.start));

    function writeResult(s) {
      if (s.total > 0) {
        var score = lms.kind === 'scorm12' ? 'cmi.core.score.' : 'cmi.score.';
        lms.set(score + 'raw', s.percent);
        lms.set(score + 'min', '0');
        lms.set(score + 'max', '100');
        if (lms.kind === 'scorm2004') lms.set('cmi.score.scaled', s.scaled);
      }
      if (lms.kind === 'scorm12') {
        lms.set('cmi.core.lesson_status', lessonStatus12(s));
      } else {
        lms.set('cmi.completion_status', s.completed ? 'completed' : 'incomplete');
        lms.set('cmi.success_status', successStatus2004(s));
      }
    }

    function writeAll() {
      if (!v) return;
      var s = summarize(data, state);
      lms.set(v.location, data.lessons[location] ? data.lessons[location].id : '');
      lms.set('cmi.suspend_data', encodeState(data, state));
      if (s.completed || !completeBefore) writeResult(s);
      lms.set(v.sessionTime, v.time(now() - started));
      // Exit goes before the commit so a session cut short after this point still resumes.
      lms.set(v.exit, s.finished ? v.normal : v.suspended);
    }

    var session = {
      lms: lms,
      state: state,
      location: function () { return location; },
      ended: function () { return ended; },
      summary: function () { return summarize(data, state); },
      visit: function (index) {
        if (ended || index < 0 || index >= data.lessons.length) return;
        location = index;
        state.viewed[index] = true;
        session.save();
      },
      /** Records the learner's latest answer: one checked after "Try again" replaces the one before. */
      answer: function (index, selected) {
        if (ended || !selected || selected.length === 0) return;
        state.answers[index] = selected.slice().sort(function (a, b) { return a - b; });
        session.save();
      },
      isCorrect: function (index) { return isCorrect(data.questions[index], state.answers[index]); },
      /**
       * Records the learner's reaction to a lesson; a later one updates the same interaction. Without an LMS (the
       * web export, the learner preview, a package opened outside one) it is kept in this page's memory only and
       * goes nowhere: the question still shows, and the answer lasts as long as the page.
       */
      react: function (index, name, lessonTitle) {
        var reaction = reactionBy('name', name);
        if (ended || !data.askReactions || !reaction || !data.lessons[index]) return;
        var before = state.reactions[index];
        var slot = before ? before.slot : null;
        if (v) {
          var lessonId = data.lessons[index].id;
          slot = reactionSlot(lms, lessonId, slot);
          var values = reactionValues(lms.kind, slot, lessonId, reaction, new Date(now()), lessonTitle);
          for (var i = 0; i < values.length; i++) lms.set(values[i][0], values[i][1]);
        }
        state.reactions[index] = { code: reaction.code, slot: slot };
        session.save();
      },
      /** The name of the learner's reaction to a lesson, or '' if none. */
      reaction: function (index) {
        var chosen = state.reactions[index] && reactionBy('code', state.reactions[index].code);
        return chosen ? chosen.name : '';
      },
      save: function () {
        if (ended) return;
        writeAll();
        lms.commit();
      },
      /** Ends the session exactly once, whichever of the exit button and pagehide comes first. */
      finish: function (navRequest) {
        if (ended) return;
        ended = true;
        writeAll();
        if (navRequest && lms.kind === 'scorm2004') {
          lms.set('adl.nav.request', summarize(data, state).finished ? 'exitAll' : 'suspendAll');
        }
        lms.commit();
        lms.end();
      },
    };
    return session;
  }
`
