// Chart.js for the insights page: window.Chart.
import Chart from 'chart.js/auto';

window.Chart = Chart;
