#!/usr/bin/env node
// Writes schema/flags.schema.json from the schema's source of truth (server/src/core/registry/schema.ts).
// Run after a build: `npx tsc -b server && node schema/generate.js`. A unit test fails when they differ.
'use strict';
const fs = require('fs');
const path = require('path');
const { registrySchema } = require('../out/server/src/core/registry/schema.js');

const target = path.join(__dirname, 'flags.schema.json');
fs.writeFileSync(target, `${JSON.stringify(registrySchema, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
