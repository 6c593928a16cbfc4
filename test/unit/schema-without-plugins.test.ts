import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { buildServiceSchema, printServiceSchema } from '../../core/schema.js';

// type-graphql keeps field metadata per process, so this file builds only the core-only schema.
describe('schema without plugins', () => {
  it('leaves out the disabled plugin', async () => {
    const coreOnly = printServiceSchema(await buildServiceSchema([]));
    expect(coreOnly).not.toContain('RepairOrder');
    expect(coreOnly).not.toContain('repairOrders');
    expect(coreOnly).toContain('type Equipment implements Node');
  });
});
