// Preloaded (`node -r`) into an API process by production-build.e2e-spec.ts: when the process exits, writes the
// files Node loaded through `require` to LOADED_MODULES_FILE, so the test can tell which packages a start loads.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache)));
});
