'use strict';
var T = /*TEXTS*/;
var lang = 'id';
try { lang = localStorage.getItem('pijat-lang') === 'en' ? 'en' : 'id'; } catch (e) {}
var current = null, picked = [], retry = null, busy = false;
var main = document.getElementById('main');

function t(k, subs) {
  var s = (T[lang] && T[lang][k]) || T.id[k] || k;
  for (var n in (subs || {})) s = s.split('{' + n + '}').join(subs[n]);
  return s;
}
function two(x) { return x ? (x[lang] || x.id) : ''; }
function el(tag, attrs, kids) {
  var e = document.createElement(tag);
  for (var a in (attrs || {})) {
    if (a === 'text') e.textContent = attrs[a];
    else if (a === 'on') e.addEventListener('click', attrs[a]);
    else e.setAttribute(a, attrs[a]);
  }
  (kids || []).forEach(function (k) { if (k) e.appendChild(k); });
  return e;
}
function status(text, cls) {
  var s = document.getElementById('status');
  if (s) { s.textContent = text; s.className = 'status ' + (cls || ''); }
}

function call(method, path, body) {
  var opts = { method: method, credentials: 'same-origin', headers: {} };
  if (body) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
  return fetch(path, opts).then(function (r) {
    return r.json().then(function (j) { return { ok: r.ok, status: r.status, body: j }; },
      function () { return { ok: false, status: r.status, body: null }; });
  });
}

function load() {
  call('GET', '/api/state').then(function (r) {
    if (r.ok) return show(r.body);
    refused(r);
  }, function () { offline(load); });
}

function offline(again) {
  status(t('offline'), 'bad');
  if (!document.getElementById('status')) { main.textContent = ''; main.appendChild(el('p', { id: 'status', 'class': 'status bad', role: 'status', text: t('offline') })); }
  clearTimeout(retry);
  retry = setTimeout(again, 2000);
}

function refused(r) {
  var e = r.body && r.body.error;
  if (e === 'ended') { current = null; return paint(); }
  if (e === 'unknown_device') { location.reload(); return; }
  if (e === 'stale') { return load(); }
  if (!r.body) return offline(load);
  status(two(r.body.message), 'bad');
}

function show(state) { current = state; picked = []; paint(); }

function heading(text) { return el('h2', { text: text, tabindex: '-1' }); }
function statusLine() { return el('p', { id: 'status', 'class': 'status', role: 'status' }); }

function paint() {
  document.documentElement.lang = lang;
  document.title = t('page_title');
  document.getElementById('title').textContent = t('page_title');
  document.getElementById('lang-id').setAttribute('aria-pressed', lang === 'id');
  document.getElementById('lang-en').setAttribute('aria-pressed', lang === 'en');
  main.textContent = '';
  var s = current;
  if (!s) { main.appendChild(heading(t('ended'))); return; }
  var phase = s.phase === 'post' ? t('post_name') : t('pre_name');
  if (s.step === 'code') paintCode(s, phase);
  else if (s.step === 'name') paintName(s, phase);
  else if (s.step === 'asked') paintAsked(s, phase);
  else if (s.step === 'question') paintQuestion(s, phase);
  else paintDone(s, phase);
  // A screen reader starts at the new step's heading (the code field takes the focus itself).
  var h = main.querySelector('h2');
  if (h && s.step !== 'code') h.focus();
}

function paintCode(s, phase) {
  var input = el('input', { id: 'code', inputmode: 'numeric', autocomplete: 'off', maxlength: '6', pattern: '[0-9]*' });
  var form = el('form', {}, [
    el('p', { text: phase + ' · ' + s.class }),
    el('label', { 'for': 'code', text: t('code_label') }), input,
    el('button', { type: 'submit', 'class': 'go', text: t('code_button') }),
    statusLine()]);
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    call('POST', '/api/code', { code: input.value }).then(function (r) {
      r.ok ? show(r.body) : refused(r);
    }, function () { offline(load); });
  });
  main.appendChild(heading(t('code_heading')));
  main.appendChild(form);
  input.focus();
}

function paintAsked(s, phase) {
  main.appendChild(heading(t('asked_heading')));
  main.appendChild(el('p', { text: phase + ' · ' + s.class }));
  main.appendChild(el('p', { text: t('asked_text', { n: s.name }) }));
  main.appendChild(statusLine());
  // Ask again until the trainer has said yes (a question) or no (the list of names).
  clearTimeout(retry);
  retry = setTimeout(load, 3000);
}

function join(body) {
  call('POST', '/api/join', body).then(function (r) { r.ok ? show(r.body) : refused(r); },
    function () { offline(load); });
}

function paintName(s, phase) {
  main.appendChild(heading(t('name_heading')));
  main.appendChild(el('p', { text: phase + ' · ' + s.class }));
  var list = el('ul', { 'class': 'plain' });
  s.roster.forEach(function (p) {
    var note = p.status === 'busy' ? t('name_busy') : p.status === 'done' ? t('name_done') : '';
    var b = el('button', { type: 'button', text: p.name + (note ? ' (' + note + ')' : ''), on: function () { join({ n: p.n }); } });
    if (p.status !== 'free') b.disabled = true;
    list.appendChild(el('li', {}, [b]));
  });
  if (!s.roster.length) main.appendChild(el('p', { text: t('no_names') }));
  main.appendChild(list);
  if (s.new_names) {
    var input = el('input', { id: 'newname', autocomplete: 'name', maxlength: '60' });
    var form = el('form', {}, [el('label', { 'for': 'newname', text: t('new_name_label') }), input,
      el('button', { type: 'submit', 'class': 'go', text: t('new_name_button') })]);
    form.addEventListener('submit', function (ev) { ev.preventDefault(); join({ name: input.value }); });
    main.appendChild(form);
  }
  main.appendChild(statusLine());
}

function voiceFor(l) {
  if (!window.speechSynthesis) return null;
  var want = l === 'en' ? 'en' : 'id';
  var vs = speechSynthesis.getVoices() || [];
  for (var i = 0; i < vs.length; i++) if (vs[i].lang && vs[i].lang.toLowerCase().indexOf(want) === 0) return vs[i];
  return null;
}
if (window.speechSynthesis) speechSynthesis.addEventListener('voiceschanged', function () { if (current && current.step === 'question') paintReadAloud(); });

function paintReadAloud() {
  var slot = document.getElementById('read-slot');
  if (!slot) return;
  slot.textContent = '';
  var v = voiceFor(lang);
  if (!v) return;
  var q = current.question;
  slot.appendChild(el('button', { type: 'button', text: t('read_aloud'), on: function () {
    var words = [two(q.prompt)];
    if (q.kind === 'true_false') words.push(t('true_word'), t('false_word'));
    q.options.forEach(function (o, i) { words.push((i + 1) + '. ' + two(o)); });
    var u = new SpeechSynthesisUtterance(words.join('. '));
    u.voice = v; u.lang = lang === 'en' ? 'en-US' : 'id-ID';
    speechSynthesis.cancel(); speechSynthesis.speak(u);
  } }));
}

function choice(label, i, q) {
  var on = picked.indexOf(i) >= 0;
  var text = label;
  if (q.kind === 'order' && on) text = (picked.indexOf(i) + 1) + '. ' + label;
  else if (on) text = '\u2713 ' + label;
  return el('button', { type: 'button', 'aria-pressed': on, text: text, on: function () {
    var at = picked.indexOf(i);
    if (q.kind === 'multiple') { at >= 0 ? picked.splice(at, 1) : picked.push(i); }
    else if (q.kind === 'order') { if (at < 0) picked.push(i); }
    else picked = [i];
    paintChoices();
  } });
}

function paintChoices() {
  var q = current.question, box = document.getElementById('choices');
  box.textContent = '';
  if (q.kind === 'true_false') {
    box.appendChild(choice(t('true_word'), 0, q));
    box.appendChild(choice(t('false_word'), 1, q));
  } else {
    q.options.forEach(function (o, i) { box.appendChild(choice(two(o), i, q)); });
  }
  if (q.kind === 'order' && picked.length) box.appendChild(el('button', { type: 'button', text: t('order_reset'), on: function () { picked = []; paintChoices(); } }));
}

function token(q) {
  if (q.kind === 'true_false') return picked[0] === 0 ? 'b' : 's';
  return picked.map(function (i) { return i + 1; }).join(',');
}

function paintQuestion(s, phase) {
  var q = s.question;
  var hint = q.kind === 'multiple' ? t('multiple_hint') : q.kind === 'order' ? t('order_hint') : '';
  main.appendChild(el('p', { 'class': 'note', text: t('you_are') + ' ' + s.name + ' · ' + phase }));
  main.appendChild(el('label', { 'for': 'bar', text: t('question_of', { n: q.position + 1, m: q.total }) }));
  main.appendChild(el('progress', { id: 'bar', max: q.total, value: q.answered, 'aria-label': t('progress_label') }));
  var fs = el('fieldset', { 'class': 'plain' }, [
    el('legend', {}, [heading(two(q.prompt))]),
    hint ? el('p', { 'class': 'note', text: hint }) : null,
    el('div', { id: 'choices' })]);
  main.appendChild(fs);
  main.appendChild(el('div', { id: 'read-slot' }));
  main.appendChild(el('button', { type: 'button', id: 'answer', 'class': 'go', text: t('answer_button'), on: send }));
  main.appendChild(statusLine());
  paintChoices();
  paintReadAloud();
}

function send() {
  var q = current.question;
  var complete = q.kind === 'order' ? picked.length === q.options.length : picked.length > 0;
  if (!complete) { status(q.kind === 'multiple' ? t('multiple_hint') : t('choose_first'), 'bad'); return; }
  if (busy) return;
  busy = true;
  var body = { position: q.position, answer: token(q) };
  var button = document.getElementById('answer');
  if (button) button.disabled = true;
  status(t('saving'));
  var wait = 1000;
  (function attempt() {
    call('POST', '/api/answer', body).then(function (r) {
      if (r.ok) { busy = false; status(t('saved'), 'ok'); setTimeout(function () { show(r.body); }, 400); return; }
      if (r.status >= 500 || !r.body) return again();
      busy = false;
      if (button) button.disabled = false;
      refused(r);
    }, again);
    function again() {
      status(t('save_failed'), 'bad');
      clearTimeout(retry);
      retry = setTimeout(attempt, wait);
      wait = Math.min(wait * 2, 5000);
    }
  })();
}

function paintDone(s, phase) {
  main.appendChild(heading(t('done_heading') + ' · ' + phase));
  main.appendChild(el('p', { text: s.name }));
  if (s.score) {
    main.appendChild(el('p', { text: t('done_post') }));
    main.appendChild(el('p', { 'class': 'score', text: s.score.percent + '%' }));
    main.appendChild(el('p', { text: t('right_of', { r: s.score.right, t: s.score.total }) }));
  } else {
    main.appendChild(el('p', { text: t('done_pre') }));
  }
}

function setLang(l) {
  lang = l;
  try { localStorage.setItem('pijat-lang', l); } catch (e) {}
  var keep = picked.slice();
  paint();
  if (current && current.step === 'question') { picked = keep; paintChoices(); }
}
document.getElementById('lang-id').addEventListener('click', function () { setLang('id'); });
document.getElementById('lang-en').addEventListener('click', function () { setLang('en'); });
paint();
load();
