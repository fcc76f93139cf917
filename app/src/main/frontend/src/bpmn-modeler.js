// Editor for process owners: window.MandateBpmn.createModeler(...). Camunda's properties panel is a bundle of its own
// (bpmn-properties.js, two thirds of the weight), loaded only when a process owner asks for it: the page's own form
// covers the common edits (docs/processes.md).
import BpmnModeler from 'bpmn-js/lib/Modeler';
import camundaModdleDescriptor from 'camunda-bpmn-moddle/resources/camunda.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';

// propertiesPanel: the element to show Camunda's panel in, once bpmn-properties.js has loaded; null for none
function createModeler(container, propertiesPanel) {
  const panelModules = propertiesPanel ? (window.MandateBpmn.propertiesModules || []) : [];
  return new BpmnModeler({
    container,
    // the groups process owners edit most (name, assignee) start open rather than collapsed
    propertiesPanel: panelModules.length === 0 ? undefined : {
      parent: propertiesPanel,
      layout: { groups: { general: { open: true }, CamundaPlatform__UserAssignment: { open: true } } }
    },
    additionalModules: panelModules,
    moddleExtensions: { camunda: camundaModdleDescriptor }
  });
}

window.MandateBpmn = Object.assign(window.MandateBpmn || {}, { BpmnModeler, createModeler });
