/**
 * The player's page wiring: shows one lesson at a time, checks knowledge-check answers and lets the learner try
 * again, asks for a reaction to each lesson when the course does, keeps the header's progress line current, and
 * ends the session on Exit or pagehide. All decisions are ChorusCore's (core-script.ts); this part only reads and
 * writes the DOM that render-document.ts produced.
 * Plain ES2015 for the same reasons as the core.
 */
export const domScript = String.raw`
(function () {
  'use strict';
  var root = document.getElementById('chorus');
  var dataNode = document.getElementById('chorus-data');
  if (!root || !dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var session = ChorusCore.createSession(data, ChorusCore.connect(data.runtime, window), Date.now);
  var lessons = root.querySelectorAll('.lesson');
  var tocLinks = root.querySelectorAll('[data-goto]');
  var prev = document.getElementById('chorus-prev');
  var next = document.getElementById('chorus-next');
  var position = document.getElementById('chorus-position');
  var status = document.getElementById('chorus-status');

  function showStatus() {
    var s = session.summary();
    var viewed = session.state.viewed.filter(Boolean).length;
    var parts = [viewed + ' of ' + data.lessons.length + ' lessons viewed'];
    if (s.total > 0) {
      parts.push(s.answered + ' of ' + s.total + ' questions answered', 'score ' + Math.round(s.percent) + '% (pass mark ' + data.passingScore + '%)');
    }
    if (s.completed) parts.push(s.passed ? 'passed' : 'complete');
    else if (s.failed) parts.push('not passed');
    if (session.lms.kind === 'standalone' && data.runtime !== 'standalone') parts.push('no LMS found: progress is not saved');
    status.textContent = parts.join(' · ');
  }

  function show(index) {
    session.visit(index);
    var at = session.location();
    for (var i = 0; i < lessons.length; i++) {
      var current = Number(lessons[i].getAttribute('data-lesson')) === at;
      lessons[i].classList.toggle('current', current);
    }
    for (var j = 0; j < tocLinks.length; j++) {
      var link = tocLinks[j];
      var n = Number(link.getAttribute('data-goto'));
      if (n === at) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
      link.classList.toggle('viewed', session.state.viewed[n] === true);
    }
    prev.disabled = at <= 0;
    next.disabled = at >= data.lessons.length - 1;
    position.textContent = 'Lesson ' + (at + 1) + ' of ' + data.lessons.length;
    showStatus();
  }

  // "Try again" lets the learner answer anew; the answer recorded so far (and reported to the LMS) stands until
  // the next check replaces it, so leaving halfway through a retry changes nothing.
  function tryAgainButton(form) {
    var button = form.querySelector('.try-again');
    if (button) return button;
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'try-again';
    button.textContent = 'Try again';
    button.hidden = true;
    form.querySelector('.check').insertAdjacentElement('afterend', button);
    return button;
  }

  function showAnswer(form, index) {
    var chosen = session.state.answers[index];
    if (!chosen) return;
    var inputs = form.querySelectorAll('input');
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].checked = chosen.indexOf(Number(inputs[i].value)) >= 0;
      inputs[i].disabled = true;
    }
    var correct = session.isCorrect(index);
    form.classList.remove('is-correct', 'is-incorrect');
    form.classList.add(correct ? 'is-correct' : 'is-incorrect');
    form.querySelector('.feedback-correct').hidden = !correct;
    form.querySelector('.feedback-incorrect').hidden = correct;
    form.querySelector('.check').disabled = true;
    tryAgainButton(form).hidden = false;
  }

  function askAgain(form) {
    var inputs = form.querySelectorAll('input');
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].checked = false;
      inputs[i].disabled = false;
    }
    form.classList.remove('is-correct', 'is-incorrect');
    form.querySelector('.feedback-correct').hidden = true;
    form.querySelector('.feedback-incorrect').hidden = true;
    form.querySelector('.check').disabled = false;
    tryAgainButton(form).hidden = true;
    if (inputs[0]) inputs[0].focus();
  }

  var forms = root.querySelectorAll('form.question');
  for (var f = 0; f < forms.length; f++) {
    (function (form) {
      var index = Number(form.getAttribute('data-question'));
      tryAgainButton(form).addEventListener('click', function () { askAgain(form); });
      showAnswer(form, index);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var selected = [];
        var inputs = form.querySelectorAll('input');
        for (var i = 0; i < inputs.length; i++) if (inputs[i].checked) selected.push(Number(inputs[i].value));
        if (selected.length === 0) return;
        session.answer(index, selected);
        showAnswer(form, index);
        // The check button is now disabled: keep the keyboard user in the question, on the way to answer again.
        tryAgainButton(form).focus();
        showStatus();
      });
    })(forms[f]);
  }

  // "Was this lesson helpful?" at the end of each lesson, when the course asks it: copied from the page's template.
  function showReaction(fieldset, index) {
    var chosen = session.reaction(index);
    var buttons = fieldset.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-reaction') === chosen));
    }
  }

  var reactionTemplate = document.getElementById('chorus-reaction');
  for (var r = 0; reactionTemplate && r < lessons.length; r++) {
    (function (lesson) {
      var index = Number(lesson.getAttribute('data-lesson'));
      var fieldset = reactionTemplate.content.firstElementChild.cloneNode(true);
      lesson.appendChild(fieldset);
      showReaction(fieldset, index);
      fieldset.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-reaction]');
        if (!button) return;
        var heading = lesson.querySelector('h2');
        session.react(index, button.getAttribute('data-reaction'), heading ? heading.textContent : '');
        showReaction(fieldset, index);
      });
    })(lessons[r]);
  }

  for (var t = 0; t < tocLinks.length; t++) {
    tocLinks[t].addEventListener('click', function (event) {
      event.preventDefault();
      show(Number(event.currentTarget.getAttribute('data-goto')));
      root.classList.remove('toc-open');
      window.scrollTo(0, 0);
    });
  }
  prev.addEventListener('click', function () { show(session.location() - 1); window.scrollTo(0, 0); });
  next.addEventListener('click', function () { show(session.location() + 1); window.scrollTo(0, 0); });
  document.getElementById('chorus-toc-toggle').addEventListener('click', function () {
    root.classList.toggle('toc-open');
  });

  function end(navRequest) {
    if (session.ended()) return;
    session.finish(navRequest);
    root.classList.add('ended');
  }
  // The learner preview has no Exit (the app's "Close preview" is its one way out).
  var exit = document.getElementById('chorus-exit');
  if (exit) exit.addEventListener('click', function () { end(true); });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') session.save();
  });
  window.addEventListener('pagehide', function () { end(false); });

  root.classList.add('ready');
  show(session.location());
})();
`
