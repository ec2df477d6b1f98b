/**
 * The web app's build (docs/web.md): web/ → dist/web, served by the API server under /app/
 * (src/api/web-app.ts). Before bundling, the API's types are generated from
 * docs/openapi.json; after it, every text asset is written next to itself compressed
 * (.br, .gz), so the server sends compressed bytes without compressing per request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { openapiTypes } from './scripts/openapi-types.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const outDir = join(repo, 'dist', 'web');
const SCHEMA_FILE = join(here, 'src', 'api', 'schema.gen.ts');

/** web/src/api/schema.gen.ts from docs/openapi.json, written only when it changes. */
function apiTypes(): Plugin {
  return {
    name: 'resulta-api-types',
    buildStart() {
      const document = JSON.parse(readFileSync(join(repo, 'docs', 'openapi.json'), 'utf8'));
      const source = openapiTypes(document);
      let current = '';
      try {
        current = readFileSync(SCHEMA_FILE, 'utf8');
      } catch {
        // First build: no file yet.
      }
      if (current !== source) writeFileSync(SCHEMA_FILE, source);
    },
  };
}

/** Brotli (quality 11) and gzip (level 9) copies of every text asset worth compressing. */
function precompress(): Plugin {
  return {
    name: 'resulta-precompress',
    apply: 'build',
    async closeBundle() {
      for (const name of await readdir(outDir, { recursive: true })) {
        if (!/\.(js|css|html|svg|json|txt|map)$/.test(name)) continue;
        const path = join(outDir, name);
        const bytes = await readFile(path);
        if (bytes.length < 1024) continue;
        await writeFile(
          `${path}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/app/',
  plugins: [apiTypes(), react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // ECharts is large; it is split from the first page's code (dashboard chunk).
    chunkSizeWarningLimit: 1500,
  },
});
