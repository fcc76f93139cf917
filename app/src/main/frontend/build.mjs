// Bundles the browser code into the app's static resources. Usage: node build.mjs [outdir]
import * as esbuild from 'esbuild';

const outdir = process.argv[2] ?? '../../../target/classes/static/js';

await esbuild.build({
  entryPoints: {
    'bpmn-viewer': 'src/bpmn-viewer.js',
    'bpmn-modeler': 'src/bpmn-modeler.js',
    'htmx': 'src/htmx.js',
    'charts': 'src/charts.js'
  },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  outdir,
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.eot': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'info'
});
