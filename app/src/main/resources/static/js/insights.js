// Draws the insights charts from the page's #insights-data block (the same figures as GET /api/insights).
// Each canvas gets data-drawn="true" once its chart has rendered, which the browser tests wait for (scrolling to it).
(function () {
  const insights = JSON.parse(document.getElementById('insights-data').textContent);
  const section = document.querySelector('section.charts');
  if (!insights || !section) {
    return;
  }
  // the chart labels in the page's language, from data-label-* on the section
  const words = section.dataset;
  const hours = (seconds) => (seconds == null ? null : Math.round(seconds / 36) / 100);
  const percent = (share) => (share == null ? null : Math.round(share * 1000) / 10);
  const weeks = insights.timeline.map((week) => week.week);

  // Without animation: a second of redrawing per chart kept the page busy (Lighthouse counted 2 s of blocking time)
  // and moves what people who asked for less motion read. Each chart is built in a task of its own, so the page
  // answers input between them.
  window.mandateCharts = {};
  const queue = [];
  function draw(id, config) {
    queue.push(() => {
      const canvas = document.getElementById(id);
      if (!canvas) {
        return;
      }
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false },
        config.options);
      config.plugins = [{ id: 'drawn', afterRender: () => canvas.setAttribute('data-drawn', 'true') }];
      window.mandateCharts[id] = new window.Chart(canvas, config);
    });
  }
  function drawNext() {
    const next = queue.shift();
    if (next) {
      next();
      setTimeout(drawNext, 0);
    }
  }

  const approvers = insights.approvers.filter((approver) => approver.openSteps > 0);
  const bottlenecks = new Set(insights.bottlenecks.map((bottleneck) => bottleneck.id));
  draw('chart-open-steps', {
    type: 'bar',
    data: {
      labels: approvers.map((approver) => approver.name),
      datasets: [{
        label: words.labelOpen || 'open steps',
        data: approvers.map((approver) => approver.openSteps),
        backgroundColor: approvers.map((approver) => (bottlenecks.has(approver.id) ? '#c0392b' : '#1f3a5f'))
      }]
    },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } } } }
  });
  draw('chart-share-below-top', {
    type: 'line',
    data: {
      labels: weeks,
      datasets: [{
        label: words.labelShare || '% decided below the top',
        data: insights.timeline.map((week) => percent(week.shareBelowTop)),
        borderColor: '#2e8b57', backgroundColor: 'rgba(46,139,87,0.15)', fill: true, spanGaps: true, tension: 0.25
      }]
    },
    options: { scales: { y: { min: 0, max: 100, ticks: { callback: (value) => value + '%' } } } }
  });
  draw('chart-decision-time', {
    type: 'line',
    data: {
      labels: weeks,
      datasets: [
        { label: words.labelMedian || 'median', data: insights.timeline.map((week) => hours(week.medianDecisionSeconds)),
          borderColor: '#1f3a5f', spanGaps: true, tension: 0.25 },
        { label: words.labelP90 || '90th percentile', data: insights.timeline.map((week) => hours(week.p90DecisionSeconds)),
          borderColor: '#d68910', borderDash: [6, 4], spanGaps: true, tension: 0.25 }
      ]
    },
    options: { scales: { y: { min: 0, title: { display: true, text: words.labelHours || 'hours' } } } }
  });
  // Chart.js (177 KB) is fetched and the charts drawn only when they come near the screen: on a phone the tiles and
  // bottlenecks come first, and most visits never scroll to the charts
  function loadCharts() {
    if (window.Chart) {
      drawNext();
      return;
    }
    const script = document.createElement('script');
    script.src = section.dataset.chartsSrc;
    script.addEventListener('load', drawNext);
    document.head.appendChild(script);
  }
  if ('IntersectionObserver' in window) {
    const watch = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        watch.disconnect();
        loadCharts();
      }
    }, { rootMargin: '300px' });
    watch.observe(section);
  } else {
    loadCharts();
  }
})();
