// Camunda 7's properties panel for the modeler, loaded on demand (see bpmn-modeler.js): the modules a modeler is
// created with to show every property of the selected element.
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';

window.MandateBpmn = Object.assign(window.MandateBpmn || {}, {
  propertiesModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule]
});
