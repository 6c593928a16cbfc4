import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AVAILABLE_PLUGINS } from '../../app/plugins.js';
import { buildServiceSchema, printServiceSchema } from '../../core/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema built from the code', async () => {
    const built = printServiceSchema(await buildServiceSchema(AVAILABLE_PLUGINS));
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    // On failure, run `npm run schema` and commit the result.
    expect(committed).toBe(built);
  });
});
