import { parse as parseYaml } from 'yaml';
import { judged, type Judgement } from '../core/outcome.js';

/** What a file in a load-test folder is: a k6 script, an Artillery config, or neither (a helper, a README). */
export interface LoadScript {
  file: string;
  tool: 'k6' | 'artillery';
  judgement: Judgement;
}

// k6 scripts are JavaScript (or TypeScript, k6 ≥ 0.52) importing its modules: 'k6', 'k6/http', 'k6/x/…'.
const K6_IMPORT = /\bfrom\s*['"]k6(\/[\w./-]+)?['"]|\brequire\(\s*['"]k6(\/[\w./-]+)?['"]\s*\)/;
const SCRIPT = /\.(m?js|cjs|ts)$/i;
const YAML = /\.ya?ml$/i;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function judgeK6(file: string, text: string): LoadScript {
  // k6 runs the default export, or the functions named by options.scenarios[*].exec: without either it has nothing to run.
  const runnable = /\bexport\s+default\b/.test(text) || /\bexec\s*:/.test(text);
  return {
    file,
    tool: 'k6',
    judgement: runnable
      ? judged(file, 'pass', 'k6 script')
      : judged(file, 'fail', 'imports k6 but exports no default function and names no scenario `exec`: k6 has nothing to run', 'Export the load function as `export default function () { … }`.'),
  };
}

function judgeArtillery(file: string, document: Record<string, unknown>): LoadScript {
  const config = isObject(document.config) ? document.config : undefined;
  const scenarios = document.scenarios;
  const environments = config && isObject(config.environments) ? Object.values(config.environments).filter(isObject) : [];
  const target = (typeof config?.target === 'string' && config.target !== '') || environments.some((env) => typeof env.target === 'string' && env.target !== '');
  let judgement: Judgement;
  if (!Array.isArray(scenarios) || scenarios.length === 0) {
    judgement = judged(file, 'fail', 'Artillery config without scenarios: nothing would be sent', 'Add `scenarios:` with at least one flow.');
  } else if (!scenarios.every((scenario) => isObject(scenario) && (Array.isArray(scenario.flow) || typeof scenario.engine === 'string'))) {
    judgement = judged(file, 'fail', 'a scenario has no `flow:` list', 'Give every scenario a `flow:` of requests.');
  } else if (!target) {
    judgement = judged(file, 'warn', 'Artillery config with no config.target (nor config.environments.*.target): the target must come from the command line', 'Set config.target (or one per environment) to the staging URL.');
  } else {
    judgement = judged(file, 'pass', `Artillery config, ${scenarios.length} scenario(s)`);
  }
  return { file, tool: 'artillery', judgement };
}

/**
 * A file from a load-test folder judged as k6 script or Artillery config; undefined when it is neither (JavaScript
 * that imports no k6 module, YAML with neither `scenarios` nor `config.phases`). YAML that does not parse is a
 * failure: Artillery would refuse it too.
 */
export function judgeLoadScript(file: string, text: string): LoadScript | undefined {
  if (SCRIPT.test(file)) return K6_IMPORT.test(text) ? judgeK6(file, text) : undefined;
  if (!YAML.test(file)) return undefined;
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    return { file, tool: 'artillery', judgement: judged(file, 'fail', `does not parse as YAML${line ? ` (line ${line})` : ''}`, `Fix the YAML of ${file}.`) };
  }
  if (!isObject(document)) return undefined;
  const config = isObject(document.config) ? document.config : undefined;
  if (!('scenarios' in document) && !(config && 'phases' in config)) return undefined;
  return judgeArtillery(file, document);
}

/** Whether a file name looks like a load-test script or config wherever it sits (`artillery.yml`, `load-test.js`, `api.k6.js`). */
export function isLoadTestName(name: string): boolean {
  return /^(artillery|k6|load[-_]?tests?|loadtest|stress|soak)([-_.][\w.-]*)?\.(ya?ml|m?js|cjs|ts)$/i.test(name) || /\.k6\.(m?js|ts)$/i.test(name);
}

/** Whether a file in a load-test folder is worth reading (scripts and YAML; READMEs and data files are skipped). */
export function isLoadTestCandidate(name: string): boolean {
  return SCRIPT.test(name) || YAML.test(name);
}
