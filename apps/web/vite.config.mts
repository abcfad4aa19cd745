import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://localhost:3000';
const outDir = resolve(import.meta.dirname, '../../dist/web');
const src = resolve(import.meta.dirname, 'src');

/**
 * What the codegen client preset's Babel plugin does, without Babel: each `graphql(\`...\`)` call becomes its own
 * document, so a chunk carries only its own operations. Through the preset's `graphql()` lookup table (and the one
 * module of generated documents), the first bundle held every operation of every console.
 */
function graphqlDocuments(): Plugin {
  const generated = join(src, 'gql', 'graphql.ts');
  return {
    name: 'chedun-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      // Marked pure so that the bundler drops the generated documents, which nothing imports any more.
      if (id === generated)
        return code.replaceAll('new TypedDocumentString(', '/* @__PURE__ */ new TypedDocumentString(');
      if (
        !id.startsWith(`${src}/`) ||
        id.startsWith(join(src, 'gql')) ||
        !/\.tsx?$/.test(id) ||
        !code.includes('graphql(`')
      )
        return;
      const replaced = code.replace(
        /\bgraphql\(`([^`]*)`\)/g,
        (_call, source: string) => `new TypedDocumentString(${JSON.stringify(source.replace(/\n\s+/g, '\n').trim())})`,
      );
      return { code: `import { TypedDocumentString } from ${JSON.stringify(generated)};\n${replaced}`, map: null };
    },
  };
}

function precompress(): Plugin {
  return {
    name: 'chedun-precompress',
    apply: 'build',
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        const file = join(assets, name);
        if (!/\.(js|css|svg|json|map)$/.test(name) || statSync(file).size < 1024) continue;
        const source = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [graphqlDocuments(), react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // Read by the JavaScript budget test (test/web/js-budget.e2e-spec.ts): which chunks each storefront page loads.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { '/graphql': api, '/health': api },
  },
});
