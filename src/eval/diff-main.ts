// Entry point of `npm run diff -- <baseline> <candidate> ...`.
import { runDiff } from './commands.ts';

process.exitCode = await runDiff(process.argv.slice(2));
