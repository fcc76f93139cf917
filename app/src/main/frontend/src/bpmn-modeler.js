// Editor for process owners, with the Camunda 7 properties panel: window.MandateBpmn.createModeler(...)
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import camundaModdleDescriptor from 'camunda-bpmn-moddle/resources/camunda.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';

function createModeler(container, propertiesPanel) {
  return new BpmnModeler({
    container,
    // the groups process owners edit most (name, assignee) start open rather than collapsed
    propertiesPanel: {
      parent: propertiesPanel,
      layout: { groups: { general: { open: true }, CamundaPlatform__UserAssignment: { open: true } } }
    },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule
    ],
    moddleExtensions: { camunda: camundaModdleDescriptor }
  });
}

window.MandateBpmn = Object.assign(window.MandateBpmn || {}, { BpmnModeler, createModeler });
