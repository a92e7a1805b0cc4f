// Entry point of `npm run eval -- --gold <dir> --pred <dir> ...`.
import { runEval } from './commands.ts';

process.exitCode = await runEval(process.argv.slice(2));
