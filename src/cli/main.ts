#!/usr/bin/env node
/**
 * The `resulta` command line: parses arguments, runs a command, maps problems to exit 1.
 * Every command registers its options here at start but imports its implementation inside
 * its action, so `resulta --help` loads commander alone and `validate` the contract parser
 * alone — never DuckDB, the HTTP server, the database drivers or argon2
 * (test/cli-startup.test.ts holds each command to that).
 */
import { Command } from 'commander';
import { formatProblem, ProblemsError } from '../domain/problem.js';
import { auditCommand } from './commands/audit.js';
import { demoCommand } from './commands/demo.js';
import { evaluateCommand } from './commands/evaluate.js';
import { explainCommand } from './commands/explain.js';
import { openapiCommand } from './commands/openapi.js';
import { serveCommand } from './commands/serve.js';
import { validateCommand } from './commands/validate.js';

const program = new Command('resulta')
  .description('Outcome contracts that compute their own bills: evaluate, explain and validate.')
  .showHelpAfterError();
evaluateCommand(program);
explainCommand(program);
validateCommand(program);
demoCommand(program);
serveCommand(program);
auditCommand(program);
openapiCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ProblemsError) {
    const count = error.problems.length;
    process.stderr.write(
      `${error.problems.map((p) => formatProblem(p)).join('\n')}\n${count} problem${count === 1 ? '' : 's'} found.\n`,
    );
  } else {
    process.stderr.write(`resulta: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
}
