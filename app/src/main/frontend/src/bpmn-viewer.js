// Read-only diagram with pan and zoom, for request and replay pages: window.MandateBpmn.showDiagram(...)
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

async function showDiagram(container, xml, activeElementIds = []) {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport');
  highlight(viewer, activeElementIds);
  // the drawing is for the eye; its text equivalent (steps()) goes beside it, so assistive technology skips the
  // drawing's loose label fragments and the keyboard does not stop on a canvas it cannot use
  container.querySelectorAll('.djs-container, svg').forEach((node) => {
    node.setAttribute('aria-hidden', 'true');
    if (node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1');
  });
  return viewer;
}

const STEP_TYPES = /Task$|^bpmn:CallActivity$|^bpmn:SubProcess$/;

/**
 * The path's steps in the order a request meets them (breadth-first from the start along the sequence flows),
 * each with whether it is open now: the diagram in words.
 */
function steps(viewer, activeElementIds = []) {
  const registry = viewer.get('elementRegistry');
  const queue = registry.filter((element) => element.type === 'bpmn:StartEvent');
  const seen = new Set(queue.map((element) => element.id));
  const found = [];
  while (queue.length) {
    const element = queue.shift();
    if (STEP_TYPES.test(element.type)) {
      found.push({ id: element.id, name: element.businessObject.name || element.id,
        open: activeElementIds.includes(element.id) });
    }
    (element.outgoing || []).map((flow) => flow.target).filter((next) => next && !seen.has(next.id))
      .forEach((next) => { seen.add(next.id); queue.push(next); });
  }
  return found;
}

/**
 * Writes the steps into {@code list} (an ol) as text: "Approval: open now, held by Sofia Reyes". The page's words
 * come from the list's data-open-now and data-held-by ({0}: the holder), English without them.
 */
function describeSteps(list, viewer, activeElementIds = [], holders = {}) {
  const openNow = list.dataset.openNow || ': open now';
  const heldBy = list.dataset.heldBy || ', held by {0}';
  list.replaceChildren(...steps(viewer, activeElementIds).map((step) => {
    const item = document.createElement('li');
    item.textContent = step.name + (step.open ? openNow + (holders[step.id] ? heldBy.replace('{0}', holders[step.id]) : '') : '');
    if (step.open) item.setAttribute('aria-current', 'step');
    return item;
  }));
}

function highlight(viewer, activeElementIds) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  registry.getAll().forEach((element) => canvas.removeMarker(element.id, 'mandate-active'));
  activeElementIds.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, 'mandate-active'));
}

window.MandateBpmn = Object.assign(window.MandateBpmn || {}, { NavigatedViewer, showDiagram, highlight, steps, describeSteps });
