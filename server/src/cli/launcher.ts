#!/usr/bin/env node
import * as path from 'node:path';
import { loadWithCodeCache } from './compilerLoader';

/**
 * dist/cli.js, package.json's `bin`: a small launcher that runs the CLI bundle beside it
 * (dist/cli-main.js, built from cli/main.ts) with V8's code cache, sealed in the user's cache folder
 * like the compiler's (compilerLoader.ts). Compiling the ~1.6 MB bundle was a good part of a warm
 * `check`, which otherwise reads little more than its cached result; with the cache it is mostly
 * deserialised. The first run (or the first after an upgrade) compiles it and writes the cache at exit.
 */
loadWithCodeCache(path.join(__dirname, 'cli-main.js'), 'cli');
