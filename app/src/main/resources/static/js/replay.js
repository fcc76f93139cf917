// The replay scrubber: shows one frame (event + state after it) at a time. Text goes in through textContent
// only, so nothing typed into a request can become markup here.
(function () {
  const data = JSON.parse(document.getElementById('frames').textContent);
  const frames = data.frames || [];
  // the page adds names for the ids it shows (the API's replay keeps the ids only)
  const names = data.names || {};
  // the page's words, from the message bundles (data-* on #replay-words); {0}, {1} are filled in here
  const wordsOf = document.getElementById('replay-words');
  const t = (key, ...args) => ((wordsOf && wordsOf.dataset[key]) || key)
    .replace(/\{(\d)\}/g, (all, i) => (args[i] == null ? '' : String(args[i])));
  const name = (id) => (id && names[id]) || id || '';
  const scrubber = document.getElementById('scrubber');
  const diagram = document.getElementById('diagram');
  const note = document.getElementById('diagram-note');
  const xmlCache = {};
  let viewer = null;
  let shownVersion = null;

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
  }

  function fill(id, rows) {
    const body = document.getElementById(id);
    body.replaceChildren();
    rows.forEach((values) => {
      const row = document.createElement('tr');
      values.forEach((value) => cell(row, value));
      body.appendChild(row);
    });
  }

  // a committee vote's holder cell: the rule, then each voter's ballot as it stood after this event
  function votes(vote) {
    return t('voteNeeds', vote.committee || t('committees'), vote.rule, vote.needed)
      + Object.entries(vote.ballots || {}).map(([voter, ballot]) => name(voter) + ' '
        + (ballot ? t('outcome' + ballot.vote) + (ballot.votedBy && ballot.votedBy !== voter
          ? ' ' + t('by', name(ballot.votedBy)) : '') : t('toVote'))).join(', ');
  }

  function describe(event) {
    const list = document.getElementById('event');
    list.replaceChildren();
    [[t('when'), event.when || event.at], [t('who'), event.actorName || event.actor],
     [t('onBehalfOf'), event.onBehalfOfName || event.onBehalfOf], [t('mandate'), event.mandate || event.mandateId],
     [t('why'), event.rationale], [t('path'), event.path || event.processVersion]].forEach(([label, value]) => {
      if (value == null || value === '') return;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    });
    document.getElementById('event-title').textContent = event.words || event.type;
  }

  async function showDiagram(state) {
    const version = state.pathVersion;
    if (!version) return;
    if (!window.MandateBpmn || !window.MandateBpmn.showDiagram) {
      note.hidden = false;
      note.textContent = t('pathActive', version, (state.activeElements || []).join(', '));
      return;
    }
    if (version !== shownVersion) {
      if (!xmlCache[version]) {
        const response = await fetch(diagram.dataset.paths + encodeURIComponent(version) + '/bpmn');
        xmlCache[version] = await response.text();
      }
      diagram.replaceChildren();
      viewer = await window.MandateBpmn.showDiagram(diagram, xmlCache[version], state.activeElements || []);
      shownVersion = version;
      diagram.dataset.rendered = 'true';
    } else {
      window.MandateBpmn.highlight(viewer, state.activeElements || []);
    }
    window.MandateBpmn.describeSteps(document.getElementById('diagram-steps'), viewer, state.activeElements || []);
  }

  function show(index) {
    const frame = frames[index];
    if (!frame) return;
    scrubber.value = index;
    const position = t('position', index + 1, frames.length)
      + (frame.event.words || frame.event.type + (frame.event.actor ? ' ' + t('by', frame.event.actor) : ''))
      + (frame.event.when || frame.event.at ? ', ' + (frame.event.when || frame.event.at) : '');
    document.getElementById('position').textContent = (index + 1) + ' / ' + frames.length;
    scrubber.setAttribute('aria-valuetext', position);
    document.getElementById('frame-announcement').textContent = position;
    describe(frame.event);
    const state = frame.state;
    document.getElementById('status').textContent = t('status', state.status ? t('status' + state.status) : '') +
      (state.amount != null ? ' · ' + state.amount + ' ' + (state.currency || '') : '') +
      (state.requester ? ' · ' + t('requestedBy', name(state.requester)) : '');
    fill('comments', (state.comments || []).map((comment) => [comment.when || comment.at, name(comment.by),
      comment.text, (comment.mentions || []).map(name).join(', ')]));
    fill('questions', (state.questions || []).map((q) => [q.askedWhen || q.askedAt,
      name(q.askedBy) + (q.onBehalfOf ? ' ' + t('for', name(q.onBehalfOf)) : ''), q.question,
      q.answer != null ? q.answer : q.requesterLeftAt ? t('neverAnswered', name(state.requester))
        : t('notAnswered'), q.answeredWhen || q.answeredAt || q.requesterLeftAt || '']));
    fill('attachments', (state.attachments || []).map((file) => [file.when || file.at, name(file.by), file.name,
      file.hash, file.supersededBy || '']));
    fill('steps', (state.steps || []).map((step) => [step.name, step.vote ? votes(step.vote) : name(step.assignee),
      t('step' + step.status) + (step.waitingForAnswer ? ' ' + t('waiting') : ''), step.vote ? (step.decision ? (step.decision.approvedBy || step.decision.rejectedBy || []).map(name)
        .join(', ') : '') : step.decision ? name(step.decision.decidedBy)
        + (step.decision.onBehalfOf ? ' ' + t('for', name(step.decision.onBehalfOf)) : '') : '',
      step.decision ? step.decision.rationale : '', step.path || step.pathVersion]));
    const inForce = frame.inForce || {};
    fill('authority', Object.entries(inForce.authority || {}).map(([person, limits]) =>
      [name(person), typeof limits === 'object' ? Object.entries(limits).map(([c, a]) => c + ' ≤ ' + a).join(', ') : limits]));
    fill('mandates', (inForce.mandates || []).map((m) => {
      const scope = m.scope || m;
      const categories = Array.isArray(scope.categories) ? scope.categories.join(', ') : scope.categories;
      return [m.words || m.mandateId, name(m.from), name(m.to) + (m.principal && m.principal !== m.from ? ' (' + t('for', name(m.principal)) + ')' : ''),
        [categories, scope.maxAmount, scope.currency].filter((v) => v != null && v !== '').join(' · '),
        (m.validFrom || '') + ' – ' + (m.validUntil || '')];
    }));
    showDiagram(state).catch((error) => { note.hidden = false; note.textContent = t('diagramUnavailable', error); });
  }

  scrubber.max = Math.max(0, frames.length - 1);
  scrubber.addEventListener('input', () => show(Number(scrubber.value)));
  document.getElementById('previous').addEventListener('click', () => show(Math.max(0, Number(scrubber.value) - 1)));
  document.getElementById('next').addEventListener('click', () => show(Math.min(frames.length - 1, Number(scrubber.value) + 1)));
  window.addEventListener('load', () => show(frames.length - 1));
})();
