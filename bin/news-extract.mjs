#!/usr/bin/env node
// The package's command: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const { exitWhenDone } = await import('../src/exit.ts');
exitWhenDone(main(process.argv.slice(2)));
