// Chart.js for the insights page: window.Chart, with only what its charts use (bars and lines, their scales, the
// filled area, legend and tooltips) rather than chart.js/auto's every chart type.
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler,
  Legend, Tooltip
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale,
  Filler, Legend, Tooltip);

window.Chart = Chart;
