// Bundles the browser code into the app's static resources, each bundle also written brotli- and gzip-compressed
// beside it (the server picks the variant the browser accepts; see StaticAssets). Usage: node build.mjs [outdir]
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

// Compressed once here, at the highest levels, instead of on every response.
function compressAll(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      compressAll(path);
    } else if (/\.(js|css|svg|ttf|eot)$/.test(name) && statSync(path).size > 1024) {
      const content = readFileSync(path);
      writeFileSync(path + '.br', brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length }
      }));
      writeFileSync(path + '.gz', gzipSync(content, { level: 9 }));
    }
  }
}
compressAll(outdir);
