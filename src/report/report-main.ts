// Entry point of `npm run report -- <output dir> [--gold <dir>] [--max-docs N]`.
import { runReport } from './command.ts';

process.exitCode = await runReport(process.argv.slice(2));
