// The process owner's modeler: load a version (or the template), validate, deploy. The server validates again on
// deploy; this page only shows what it answers, with each problem linked to its element in the diagram.
(() => {
  const canvas = document.getElementById('canvas');
  const status = document.getElementById('status');
  const problems = document.getElementById('problems');
  const modeler = window.MandateBpmn.createModeler(canvas, document.getElementById('properties'));
  const csrfHeader = document.querySelector('meta[name=_csrf_header]').content;
  const csrfToken = document.querySelector('meta[name=_csrf]').content;
  const basedOn = document.getElementById('based-on');
  const deployAnyway = document.getElementById('deploy-anyway');
  // the diagram as opened (or as last deployed from here), written the way this page writes it: a deploy of the
  // same would only make a new version number, so the page asks first
  let opened = null;
  window.mandateModeler = modeler;

  async function load() {
    const response = await fetch(canvas.dataset.source, { credentials: 'same-origin' });
    if (!response.ok) {
      say('This version could not be loaded (' + response.status + ').');
      return;
    }
    await modeler.importXML(await response.text());
    opened = await currentXml();
    modeler.get('canvas').zoom('fit-viewport');
    canvas.dataset.loaded = 'true';
  }

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

  function show(list) {
    problems.replaceChildren(...(list || []).map((problem) => {
      const item = document.createElement('li');
      item.textContent = problem.message;
      if (problem.elementId) {
        item.dataset.elementId = problem.elementId;
        item.title = 'Show ' + problem.elementId + ' in the diagram';
        item.addEventListener('click', () => select(problem.elementId));
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
    say('Validating…');
    const { body } = await post('/processes/validation');
    show(body.problems);
    say(body.problems.length === 0 ? 'No problems: this path can be deployed.'
      : body.problems.length + ' problem(s) to fix before deploying.');
  });

  async function deploy(xml) {
    deployAnyway.hidden = true;
    say('Deploying…');
    const { status: code, body, xml: sent } = await post('/processes/deployments', xml);
    if (code === 201) {
      show([]);
      say('Deployed version ' + body.version + ' of ' + body.key + '. New requests start on it.');
      status.dataset.deployedVersion = body.version;
      if (basedOn) {
        basedOn.textContent = body.version;
      }
      opened = sent;
    } else {
      show(body.problems || []);
      say(body.detail || 'Not deployed.');
    }
  }

  document.getElementById('deploy').addEventListener('click', async () => {
    const xml = await currentXml();
    if (basedOn && opened !== null && xml === opened) {
      show([]);
      say('Nothing has changed since version ' + basedOn.textContent + ' was opened here. Deploying it makes a new '
        + 'version all the same; change the path first, or deploy anyway.');
      deployAnyway.hidden = false;
      deployAnyway.focus();
      return;
    }
    await deploy(xml);
  });

  deployAnyway.addEventListener('click', () => deploy());

  load();
})();
