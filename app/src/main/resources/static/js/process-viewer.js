// Shows one deployed version read-only (the viewer bundle provides window.MandateBpmn.showDiagram).
(async () => {
  const canvas = document.getElementById('canvas');
  const response = await fetch(canvas.dataset.source, { credentials: 'same-origin' });
  const viewer = await window.MandateBpmn.showDiagram(canvas, await response.text());
  window.MandateBpmn.describeSteps(document.getElementById('canvas-steps'), viewer);
  canvas.dataset.loaded = 'true';
})();
