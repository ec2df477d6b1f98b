#!/usr/bin/env node
/**
 * The `resulta` command line: parses arguments, runs a command, maps problems to exit 1.
 * Every command registers its options here at start but imports its implementation inside
 * its action, so `resulta --help` loads commander alone and `validate` the contract parser
 * alone — never DuckDB, the HTTP server, the database drivers or argon2
 * (test/cli-startup.test.ts holds each command to that).
 *
 * It speaks the language of `--lang` or RESULTA_LANG (lang.ts): help, problems, summaries.
 * A language it does not speak stops it with exit 2 before anything runs.
 */
import { Command } from 'commander';
import { localeOf } from '../domain/messages/locale.js';
import { formatProblem, ProblemsError } from '../domain/problem.js';
import { speakInLanguage } from './commander-language.js';
import { adminCommand } from './commands/admin.js';
import { auditCommand } from './commands/audit.js';
import { demoCommand } from './commands/demo.js';
import { evaluateCommand } from './commands/evaluate.js';
import { explainCommand } from './commands/explain.js';
import { openapiCommand } from './commands/openapi.js';
import { serveCommand } from './commands/serve.js';
import { validateCommand } from './commands/validate.js';
import { verifyPackCommand } from './commands/verify-pack.js';
import { currentLocale, languageRequest, t } from './lang.js';

const asked = languageRequest();
if (asked && !localeOf(asked.language)) {
  process.stderr.write(`resulta: ${t('cli.lang.unknown', { ...asked })}\n`);
  process.exit(2);
}

const program = speakInLanguage(new Command('resulta'))
  .description(t('cli.program.description'))
  // Read by lang.ts before commander runs; declared so it is accepted and shown in the help.
  .option('--lang <language>', t('cli.option.lang'))
  .showHelpAfterError();
evaluateCommand(program);
explainCommand(program);
validateCommand(program);
demoCommand(program);
serveCommand(program);
auditCommand(program);
openapiCommand(program);
verifyPackCommand(program);
adminCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ProblemsError) {
    const locale = currentLocale();
    const lines = error.problems.map((p) => formatProblem(p, locale));
    const count = t('common.problems_found', { count: error.problems.length });
    process.stderr.write(`${lines.join('\n')}\n${count}\n`);
  } else {
    process.stderr.write(`resulta: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
}
