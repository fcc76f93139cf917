// The process owner's modeler: load a version (or the template), validate, deploy. The server validates again on
// deploy; this page only shows what it answers, with each problem linked to its element in the diagram.
// Camunda's properties panel loads only for a process owner who asked for it (remembered in this browser): showing or
// hiding it reloads the page, and a draft not yet deployed is carried over the reload.
(async () => {
  const canvas = document.getElementById('canvas');
  const status = document.getElementById('status');
  const problems = document.getElementById('problems');
  const showProperties = document.getElementById('show-properties');
  const hideProperties = document.getElementById('hide-properties');
  const PANEL = 'mandate.modeler.properties';
  // the page's words, from the message bundles (data-* on #editor-words); {0}, {1} are filled in here
  const wordsOf = document.getElementById('editor-words');
  const t = (key, ...args) => ((wordsOf && wordsOf.dataset[key]) || key)
    .replace(/\{(\d)\}/g, (all, i) => (args[i] == null ? '' : String(args[i])));
  const DRAFT = 'mandate.modeler.draft:' + location.pathname;
  if (localStorage.getItem(PANEL) === 'shown') {
    try {
      await loadPanel();
    } catch (failed) {
      document.getElementById('status').textContent = t('panelFailed');
    }
  }
  const withPanel = Boolean(window.MandateBpmn.propertiesModules);
  document.getElementById('properties-offer').hidden = withPanel;
  hideProperties.hidden = !withPanel;
  const modeler = window.MandateBpmn.createModeler(canvas, withPanel ? document.getElementById('properties') : null);
  const csrfHeader = document.querySelector('meta[name=_csrf_header]').content;
  const csrfToken = document.querySelector('meta[name=_csrf]').content;
  const basedOn = document.getElementById('based-on');
  const deployAnyway = document.getElementById('deploy-anyway');
  // the diagram as opened (or as last deployed from here), written the way this page writes it: a deploy of the
  // same would only make a new version number, so the page asks first
  let opened = null;
  window.mandateModeler = modeler;

  async function load() {
    const kept = sessionStorage.getItem(DRAFT);
    sessionStorage.removeItem(DRAFT);
    if (kept) {
      const draft = JSON.parse(kept);
      await modeler.importXML(draft.xml);
      opened = draft.opened;
      say(t('draftKept'));
    } else {
      const response = await fetch(canvas.dataset.source, { credentials: 'same-origin' });
      if (!response.ok) {
        say(t('loadFailed', response.status));
        return;
      }
      await modeler.importXML(await response.text());
      opened = await currentXml();
    }
    modeler.get('canvas').zoom('fit-viewport');
    canvas.dataset.loaded = 'true';
  }

  function loadPanel() {
    const stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = showProperties.dataset.stylesheet;
    document.head.appendChild(stylesheet);
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = showProperties.dataset.script;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // the modeler takes its modules when it is made: switching the panel means making the page again, draft and all
  async function switchPanel(shown) {
    if (shown) {
      localStorage.setItem(PANEL, 'shown');
    } else {
      localStorage.removeItem(PANEL);
    }
    if (canvas.dataset.loaded === 'true') {
      const xml = await currentXml();
      if (xml !== opened) {
        sessionStorage.setItem(DRAFT, JSON.stringify({ opened, xml }));
      }
    }
    location.reload();
  }
  showProperties.addEventListener('click', () => switchPanel(true));
  hideProperties.addEventListener('click', () => switchPanel(false));

  async function currentXml() {
    const { xml } = await modeler.saveXML({ format: true });
    return xml;
  }

  // sends the diagram as it is now; the answer carries the XML sent, so that what was deployed is what the page
  // compares later, not a diagram edited while the request was under way
  async function post(path, xml) {
    xml = xml ?? await currentXml();
    const response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/xml', [csrfHeader]: csrfToken, Accept: 'application/json' },
      body: xml
    });
    return { status: response.status, body: await response.json(), xml };
  }

  function say(text) {
    status.textContent = text;
  }

  // each problem that names an element is a button (reachable with Tab) that selects it in the diagram
  function show(list) {
    problems.replaceChildren(...(list || []).map((problem) => {
      const item = document.createElement('li');
      if (problem.elementId) {
        item.dataset.elementId = problem.elementId;
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = problem.message;
        button.title = t('showInDiagram', problem.elementId);
        button.addEventListener('click', () => select(problem.elementId));
        item.appendChild(button);
      } else {
        item.textContent = problem.message;
      }
      return item;
    }));
  }

  function select(elementId) {
    const element = modeler.get('elementRegistry').get(elementId);
    if (element) {
      modeler.get('selection').select(element);
      modeler.get('canvas').scrollToElement(element);
    }
  }

  document.getElementById('validate').addEventListener('click', async () => {
    say(t('validating'));
    const { body } = await post('/processes/validation');
    show(body.problems);
    say(body.problems.length === 0 ? t('noProblems') : t('problems', body.problems.length));
  });

  async function deploy(xml) {
    deployAnyway.hidden = true;
    say(t('deploying'));
    const { status: code, body, xml: sent } = await post('/processes/deployments', xml);
    if (code === 201) {
      show([]);
      say(t('deployed', body.version, body.key));
      status.dataset.deployedVersion = body.version;
      if (basedOn) {
        basedOn.textContent = body.version;
      }
      opened = sent;
    } else {
      show(body.problems || []);
      say(body.detail || t('notDeployed'));
    }
  }

  document.getElementById('deploy').addEventListener('click', async () => {
    const xml = await currentXml();
    if (basedOn && opened !== null && xml === opened) {
      show([]);
      say(t('unchanged', basedOn.textContent));
      deployAnyway.hidden = false;
      deployAnyway.focus();
      return;
    }
    await deploy(xml);
  });

  deployAnyway.addEventListener('click', () => deploy());

  keyboardEditing();
  load();

  // The common edits without a mouse: choose an element from a list (kept in step with the diagram's selection),
  // rename it, set its assignment or its condition, add a step or an end after it, connect it, delete it. The
  // palette's and context pad's entries are made reachable with Tab and operable with Enter or Space as well.
  function keyboardEditing() {
    const registry = modeler.get('elementRegistry');
    const modeling = modeler.get('modeling');
    const selection = modeler.get('selection');
    const choice = document.getElementById('element-choice');
    const target = document.getElementById('connect-target');
    const name = document.getElementById('element-name');
    const assignee = document.getElementById('element-assignee');
    const condition = document.getElementById('element-condition');
    const committee = document.getElementById('element-committee');
    const quorum = document.getElementById('element-quorum');
    const said = document.getElementById('keyboard-status');
    const words = (type) => type.replace('bpmn:', '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    const named = (element) => element.businessObject.name || element.id;
    const describe = (element) => element.waypoints
      ? t('flow', named(element.source), named(element.target))
        + (element.businessObject.name ? ' (' + element.businessObject.name + ')' : '')
      : named(element) + ' (' + words(element.type) + ')';
    const editable = () => registry.filter((element) => element.businessObject && !element.labelTarget
      && element.type !== 'bpmn:Process' && element.parent);
    const current = () => registry.get(choice.value);

    function options(select, elements, placeholder) {
      const chosen = select.value;
      select.replaceChildren(new Option(placeholder, ''), ...elements.map((element) =>
        new Option(describe(element), element.id)));
      select.value = elements.some((element) => element.id === chosen) ? chosen : '';
    }

    function refresh() {
      const elements = editable().sort((a, b) => Number(Boolean(a.waypoints)) - Number(Boolean(b.waypoints))
        || (a.x ?? 0) - (b.x ?? 0) || (a.y ?? 0) - (b.y ?? 0));
      options(choice, elements, t('chooseElement'));
      options(target, elements.filter((element) => !element.waypoints), t('chooseTarget'));
      fill();
    }

    function fill() {
      const element = current();
      const type = element ? element.type : '';
      document.querySelectorAll('.keyboard-form [data-for-type]').forEach((field) => {
        field.hidden = field.dataset.forType !== type;
      });
      name.value = element ? element.businessObject.name || '' : '';
      assignee.value = element ? element.businessObject.get('camunda:assignee') || '' : '';
      committee.value = element ? mandateProperty(element, 'mandate:committee') : '';
      quorum.value = element ? mandateProperty(element, 'mandate:quorum') : '';
      condition.value = element && element.businessObject.conditionExpression
        ? element.businessObject.conditionExpression.body || '' : '';
    }

    // a committee vote is two camunda:property entries, mandate:quorum and mandate:committee (docs/committees.md)
    function mandateProperty(element, name) {
      const extensions = element.businessObject.extensionElements;
      const properties = extensions && extensions.values.find((value) => value.$type === 'camunda:Properties');
      const found = properties && properties.values.find((property) => property.name === name);
      return found ? found.value || '' : '';
    }

    // the element's extension elements again, its mandate: properties replaced by the given ones (none: removed)
    function withVote(element, entries) {
      const moddle = modeler.get('moddle');
      const old = element.businessObject.extensionElements;
      const others = old ? old.values.filter((value) => value.$type !== 'camunda:Properties') : [];
      const oldProperties = old && old.values.find((value) => value.$type === 'camunda:Properties');
      const kept = oldProperties ? oldProperties.values.filter((property) => !String(property.name).startsWith('mandate:'))
        .map((property) => moddle.create('camunda:Property', { name: property.name, value: property.value })) : [];
      const added = entries.map(([name, value]) => moddle.create('camunda:Property', { name, value }));
      const values = [...others];
      if (kept.length + added.length > 0) {
        values.push(moddle.create('camunda:Properties', { values: [...kept, ...added] }));
      }
      return values.length === 0 ? undefined : moddle.create('bpmn:ExtensionElements', { values });
    }

    function done(text) {
      said.textContent = text;
    }

    function needElement() {
      const element = current();
      if (!element) {
        done(t('elementFirst'));
      }
      return element;
    }

    function append(type) {
      const source = needElement();
      if (!source) return;
      if (source.waypoints || source.type === 'bpmn:EndEvent') {
        done(t('nothingFollows', describe(source)));
        return;
      }
      const shape = modeler.get('autoPlace').append(source, modeler.get('elementFactory').createShape({ type }));
      selection.select(shape);
      done(t('added', words(type), shape.id, named(source)));
      name.focus();
    }

    modeler.on('selection.changed', ({ newSelection }) => {
      const element = newSelection.find((candidate) => !candidate.labelTarget);
      if (element && element.id !== choice.value) {
        if (![...choice.options].some((option) => option.value === element.id)) {
          refresh(); // an element just added: the list learns of it on the next change otherwise
        }
        choice.value = element.id;
        fill();
      }
    });
    let pending = false;
    modeler.on(['import.done', 'elements.changed'], () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => { pending = false; refresh(); });
    });
    choice.addEventListener('change', () => {
      fill();
      const element = current();
      if (element) {
        selection.select(element);
        modeler.get('canvas').scrollToElement(element);
      }
    });
    document.getElementById('element-save').addEventListener('click', () => {
      const element = needElement();
      if (!element) return;
      const votedBy = committee.value.trim();
      const rule = quorum.value.trim();
      if (element.type === 'bpmn:UserTask' && Boolean(votedBy) !== Boolean(rule)) {
        done(t('voteNeedsBoth'));
        (votedBy ? quorum : committee).focus();
        return;
      }
      modeling.updateLabel(element, name.value.trim() || null);
      if (element.type === 'bpmn:UserTask') {
        modeling.updateProperties(element, {
          'camunda:assignee': assignee.value.trim() || undefined,
          extensionElements: withVote(element, votedBy ? [['mandate:quorum', rule], ['mandate:committee', votedBy]] : [])
        });
      }
      if (element.type === 'bpmn:SequenceFlow') {
        const body = condition.value.trim();
        modeling.updateProperties(element, { conditionExpression: body
          ? modeler.get('moddle').create('bpmn:FormalExpression', { body }) : undefined });
      }
      done(t('saved', describe(element)));
    });
    document.getElementById('append-step').addEventListener('click', () => append('bpmn:UserTask'));
    document.getElementById('append-end').addEventListener('click', () => append('bpmn:EndEvent'));
    document.getElementById('element-delete').addEventListener('click', () => {
      const element = needElement();
      if (!element) return;
      const what = describe(element);
      modeling.removeElements([element]);
      done(t('deleted', what));
      choice.focus();
    });
    document.getElementById('element-connect').addEventListener('click', () => {
      const source = needElement();
      const end = registry.get(target.value);
      if (!source) return;
      if (!end) {
        done(t('targetFirst'));
        return;
      }
      if (!modeler.get('rules').allowed('connection.create', { source, target: end })) {
        done(describe(source) + ' cannot be connected to ' + describe(end) + '.');
        return;
      }
      const flow = modeling.connect(source, end);
      done(t('connected', named(source), named(end), flow.id));
    });

    // palette and context pad entries are divs with a title: give them a role, a name and a place in the tab order
    new MutationObserver(() => {
      canvas.querySelectorAll('.djs-palette .entry, .djs-context-pad .entry').forEach((entry) => {
        if (entry.hasAttribute('tabindex')) return;
        entry.setAttribute('tabindex', '0');
        entry.setAttribute('role', 'button');
        entry.setAttribute('aria-label', entry.getAttribute('title') || entry.dataset.action || t('tool'));
        entry.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            entry.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          }
        });
      });
    }).observe(canvas, { childList: true, subtree: true });
  }
})();
