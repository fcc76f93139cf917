// Marks a comparison's changes on the two versions' diagrams: added and changed elements on the newer one, removed
// elements on the older one (the table above says the same in words; the drawings are for the eye).
(async () => {
  const changes = JSON.parse(document.getElementById('change-list').textContent);
  const marker = { ADDED: 'mandate-added', CHANGED: 'mandate-changed', REMOVED: 'mandate-removed' };
  for (const canvas of document.querySelectorAll('.diagram-changes')) {
    const response = await fetch(canvas.dataset.source, { credentials: 'same-origin' });
    const viewer = await window.MandateBpmn.showDiagram(canvas, await response.text());
    const registry = viewer.get('elementRegistry');
    const kinds = canvas.dataset.kinds.split(' ');
    changes.filter((change) => kinds.includes(change.kind) && registry.get(change.elementId))
      .forEach((change) => viewer.get('canvas').addMarker(change.elementId, marker[change.kind]));
    canvas.dataset.loaded = 'true';
  }
})();
