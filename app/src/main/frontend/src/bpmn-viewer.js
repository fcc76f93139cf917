// Read-only diagram with pan and zoom, for request and replay pages: window.MandateBpmn.showDiagram(...)
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

async function showDiagram(container, xml, activeElementIds = []) {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport');
  highlight(viewer, activeElementIds);
  return viewer;
}

function highlight(viewer, activeElementIds) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  registry.getAll().forEach((element) => canvas.removeMarker(element.id, 'mandate-active'));
  activeElementIds.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, 'mandate-active'));
}

window.MandateBpmn = Object.assign(window.MandateBpmn || {}, { NavigatedViewer, showDiagram, highlight });
