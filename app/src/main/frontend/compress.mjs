// Writes a brotli- and a gzip-compressed copy beside every script, stylesheet and font of the static resources (the
// server picks the variant the browser accepts; see StaticAssets). Run in process-classes, after Maven copied the
// hand-written scripts over the bundles' directory: compressed earlier, an edited script kept the previous build's
// .br and .gz. Compressed once here, at the highest levels, instead of on every response. Usage: node compress.mjs dir
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? '../../../target/classes/static/js';

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
compressAll(dir);
