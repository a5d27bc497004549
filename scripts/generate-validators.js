#!/usr/bin/env node
// Writes server/src/core/registry/validators.generated.ts, the registry's validators compiled to code
// by Ajv (see validatorSource.ts). Run after a build: `npx tsc -b server && node scripts/generate-validators.js`,
// then build again. A unit test fails when the file is out of date.
'use strict';
const fs = require('fs');
const path = require('path');
const { GENERATED_VALIDATORS_FILE, validatorSource } = require('../out/server/src/core/registry/validatorSource.js');

const target = path.join(__dirname, '..', 'server', 'src', 'core', 'registry', GENERATED_VALIDATORS_FILE);
fs.writeFileSync(target, validatorSource());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
