// Cold start, ours: a fresh process imports the engine, loads the core pack and analyses once.
// Prints milliseconds since the process started.
import { readFileSync } from 'node:fs';
import { createEngine } from '../../src/engine/index.ts';

const conversation = JSON.parse(readFileSync(0, 'utf8'));
createEngine().analyze(conversation);
process.stdout.write(`${performance.now()}\n`);
