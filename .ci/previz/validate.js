// Validates .glb files with the Khronos glTF Validator's node API (npm gltf-validator):
// prints each file's counts and any message, exits 1 unless every file has 0 errors and
// 0 warnings. Usage: node validate.js FILE.glb...
const fs = require('fs');
const path = require('path');
const validator = require('gltf-validator');

async function check(file) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const report = await validator.validateBytes(bytes, {
    uri: path.basename(file),
    maxIssues: 100,
    // External resources would mean the .glb is not self-contained: refuse to load any.
    externalResourceFunction: (uri) => Promise.reject(new Error(`external resource ${uri}`)),
  });
  const i = report.issues;
  console.log(`${file}: ${i.numErrors} errors, ${i.numWarnings} warnings, ${i.numInfos} infos, ${i.numHints} hints`);
  for (const m of i.messages) {
    console.log(`  [${m.severity}] ${m.code} ${m.pointer || ''}: ${m.message}`);
  }
  const info = report.info || {};
  console.log(`  ${info.animationCount} animation(s), ${info.totalVertexCount} vertices, ${info.totalTriangleCount} triangles`);
  return i.numErrors === 0 && i.numWarnings === 0;
}

(async () => {
  let ok = true;
  for (const file of process.argv.slice(2)) {
    ok = (await check(file)) && ok;
  }
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(2); });
