// Shows one deployed version read-only (the viewer bundle provides window.MandateBpmn.showDiagram).
(async () => {
  const canvas = document.getElementById('canvas');
  const response = await fetch(canvas.dataset.source, { credentials: 'same-origin' });
  await window.MandateBpmn.showDiagram(canvas, await response.text());
  canvas.dataset.loaded = 'true';
})();
