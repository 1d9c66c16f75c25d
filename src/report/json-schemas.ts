import { z } from 'zod';
import { configSchema } from '../config/schema/index.js';
import { reportSchema } from './schema.js';

/** The published JSON Schemas, generated from the zod schemas the code validates with. */
export function renderSchemas(): Record<string, string> {
  const report = {
    $id: 'https://github.com/readiness/readiness/schema/report.schema.json',
    title: 'readiness JSON report',
    ...z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }),
  };
  const config = {
    $id: 'https://github.com/readiness/readiness/schema/config.schema.json',
    title: 'readiness.config.yaml',
    ...z.toJSONSchema(configSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
  };
  return {
    'report.schema.json': `${JSON.stringify(report, null, 2)}\n`,
    'config.schema.json': `${JSON.stringify(config, null, 2)}\n`,
  };
}
