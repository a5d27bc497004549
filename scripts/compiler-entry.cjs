// The compiler file beside the CLI bundle (dist/compiler.js): ts-morph, plus the standard lib .d.ts
// texts of @ts-morph/common that flag removal's type check reads. Both names resolve to this file
// in dist/cli.js, so the CLI bundle itself carries no copy of the TypeScript compiler.
module.exports = { ...require('ts-morph'), getLibFiles: require('@ts-morph/common').getLibFiles };
