import { Command, CommanderError, Option } from 'commander';
import { guardStandardStreams } from './streams.js';
import { toolInfo } from './package-info.js';
import type { AttestOptions } from './attest-command.js';

guardStandardStreams();

/**
 * The launcher stays light: `readiness --help` loads commander and nothing else; every command imports its
 * implementation (the catalog, probes, reporters) only when it runs.
 */
const program = new Command();
const { version } = toolInfo();

program
  .name('readiness')
  .description('Verify a web product is ready for production: every line of the go-live checklist, probed against the real target.')
  .version(version, '-V, --version')
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) })
  .addHelpText(
    'after',
    `
Exit codes: 0 gate passed · 1 gate failed · 2 usage or configuration error · 3 internal error (a bug)
            130 Ctrl-C · 143 SIGTERM · 129 SIGHUP (what finished is still reported)
Examples:
  readiness demo                              run every check against a local sample target
  readiness check prod                        check the "prod" environment of the nearest readiness.config.yaml
  readiness check --url https://example.com   the HTTP/TLS lines against one address, no config needed
  readiness check prod --format text,json,junit,sarif --out reports/
  readiness explain security.helmet-headers   what a check verifies and how`,
  );

function addRunOptions(command: Command, configHelp: string): Command {
  return command
    .option('-c, --config <file>', configHelp)
    .option('-f, --format <formats>', 'comma-separated: text, json, junit, sarif, markdown (or md), html', 'text')
    .option('-o, --out <dir>', 'write one report file per format into this directory')
    .option('--only <ids>', 'run only these check ids (comma-separated; * matches any run, e.g. security.*)')
    .option('--skip <ids>', 'leave out these check ids (same syntax as --only)')
    .option('--section <sections>', 'run only these sections (comma-separated)')
    .option('--severity <level>', 'run only checks at or above this severity (critical, high, medium, low)')
    .option('--concurrency <n>', 'checks running at once (default 16)')
    .option('--timeout <duration>', 'time budget of each check with a unit: 500ms, 10s, 2m (1ms to 1h; default 20s)')
    .option('--fail-on <level>', "gate on fail/error at or above this severity (overrides gate.failOn)")
    .option('--strict', 'warnings fail the gate too')
    .option('--require-attestations', 'manual lines without a valid attestation fail the gate')
    .option('--show-manual', 'list every manual line with the evidence it needs')
    .option('-q, --quiet', 'print only what needs attention: failures, errors, warnings and the verdicts')
    .addOption(new Option('--no-color', 'plain output without colours'))
    .option('--debug', 'include stack traces of crashing checks in the evidence');
}

const DISCOVERED = 'configuration file (default: $READINESS_CONFIG, else the nearest readiness.config.yaml or .yml from here upwards)';

addRunOptions(
  program
    .command('check')
    .argument('[environment]', 'environment name from the config')
    .description('run the checks against an environment, or the HTTP/TLS lines against one address with --url')
    .option('--url <url>', 'scan one address without a config: HTTPS, headers, CORS, certificate, DNS, CDN'),
  DISCOVERED,
).action(
  async (environment: string | undefined, options) => {
    const { checkCommand } = await import('./check-command.js');
    process.exitCode = await checkCommand(environment, options);
  },
);

addRunOptions(
  program
    .command('demo')
    .description('start a local sample target (API, dashboard, widget) and check it; takes the same flags as check'),
  'configuration file (default: the bundled demo config)',
).action(async (options) => {
  const { demoCommand } = await import('./demo-command.js');
  process.exitCode = await demoCommand(options);
});

program
  .command('list')
  .description('list every check: id, section, severity, automation and checklist line')
  .option('--section <sections>', 'only these sections (comma-separated)')
  .option('--json', 'machine-readable output')
  .action(async (options) => {
    const { listCommand } = await import('./list-command.js');
    await listCommand(options);
  });

program
  .command('explain')
  .argument('<id>', 'check id, e.g. security.helmet-headers')
  .description('what a check verifies, how, what it needs in the config, and how to fix it')
  .action(async (id: string) => {
    const { explainCommand } = await import('./explain-command.js');
    await explainCommand(id);
  });

program
  .command('init')
  .description('write a commented readiness.config.yaml with every key')
  .option('-c, --config <file>', 'where to write it', 'readiness.config.yaml')
  .option('--force', 'overwrite an existing file')
  .action(async (options) => {
    const { initCommand } = await import('./init-command.js');
    await initCommand(options);
  });

program
  .command('attest')
  .argument('<id>', 'the manual or partial check being attested, e.g. operational.on-call-rotation')
  .description("record a person's attestation for a manual line (turns it into pass until it expires)")
  .requiredOption('-e, --env <environment>', 'environment the attestation is for')
  .requiredOption('--by <name>', 'who attests (name, e-mail)')
  .requiredOption('--evidence <link>', 'link or reference to the evidence')
  .option('--expires <when>', 'expiry: a date (YYYY-MM-DD) or a span such as 30d or 12w', '90d')
  .option('--note <text>', 'optional note')
  .option('-c, --config <file>', `${DISCOVERED}; it locates the attestations file`)
  .action(async (id: string, options: Omit<AttestOptions, 'config'> & { config?: string }) => {
    const [{ attestCommand }, { discoverConfig }] = await Promise.all([import('./attest-command.js'), import('./config-discovery.js')]);
    await attestCommand(id, { ...options, config: discoverConfig(options.config) });
  });

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    process.exitCode = await exitCodeFor(error);
  }
}

async function exitCodeFor(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    // Help and version are successes; every other commander complaint is a usage error.
    return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? 0 : 2;
  }
  const { reportFailure } = await import('./failure.js');
  return reportFailure(error);
}

await main();
