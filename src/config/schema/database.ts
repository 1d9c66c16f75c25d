import { z } from 'zod';
import { nonEmpty } from './common.js';

export const databaseSchema = z.strictObject({
  url: nonEmpty.describe('PostgreSQL connection URL, usually "${DATABASE_URL}"'),
  migrations: nonEmpty.default('prisma/migrations'),
});
