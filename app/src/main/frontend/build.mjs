// Bundles the browser code into the app's static resources (generate-resources). compress.mjs writes the compressed
// variants later, once Maven has copied the hand-written scripts beside the bundles. Usage: node build.mjs [outdir]
import * as esbuild from 'esbuild';

const outdir = process.argv[2] ?? '../../../target/classes/static/js';

await esbuild.build({
  entryPoints: {
    'bpmn-viewer': 'src/bpmn-viewer.js',
    'bpmn-modeler': 'src/bpmn-modeler.js',
    'bpmn-properties': 'src/bpmn-properties.js',
    'htmx': 'src/htmx.js',
    'charts': 'src/charts.js'
  },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  outdir,
  // fonts are files of their own, named by content: a browser fetches only the one format it reads (woff2),
  // where inlined as data URIs every format came with the stylesheet
  loader: { '.woff': 'file', '.woff2': 'file', '.eot': 'file', '.ttf': 'file', '.svg': 'file' },
  assetNames: 'fonts/[name]-[hash]',
  logLevel: 'info'
});
