// Draws the process diagram of the audit page and highlights the path the membership's process took.
(function () {
  var holder = document.getElementById('diagram');
  var source = document.getElementById('diagram-xml');
  if (!holder || !source || typeof BpmnJS === 'undefined') {
    return;
  }
  var passed = JSON.parse(holder.getAttribute('data-passed') || '[]');
  var viewer = new BpmnJS({ container: holder });
  viewer.importXML(source.textContent).then(function () {
    var canvas = viewer.get('canvas');
    var registry = viewer.get('elementRegistry');
    canvas.zoom('fit-viewport');
    passed.forEach(function (id) {
      if (registry.get(id)) {
        canvas.addMarker(id, 'passed');
      }
    });
    // a sequence flow was taken when both of its ends were passed
    registry.filter(function (e) { return e.type === 'bpmn:SequenceFlow'; }).forEach(function (flow) {
      if (passed.indexOf(flow.source.id) >= 0 && passed.indexOf(flow.target.id) >= 0) {
        canvas.addMarker(flow.id, 'passed');
      }
    });
    holder.setAttribute('data-rendered', 'true');
  }).catch(function (err) {
    holder.textContent = 'The diagram could not be drawn: ' + err.message;
  });
})();
