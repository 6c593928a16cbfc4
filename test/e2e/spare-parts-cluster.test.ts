import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlRequest } from '../support/repair-live.js';
import { postGraphql, startServerProcess, type ServerProcess } from '../support/server-process.js';
import {
  createPart,
  createQualifiedSupplier,
  createWarehouse,
  dataOf,
  ledgerSum,
  requisitionAction,
  stockOf,
  stockUp,
  submittedRequisition,
} from '../support/spare-parts-fixture.js';
import {
  createTestDatabase,
  databaseAvailable,
  databaseKind,
  type TestDatabase,
} from '../support/test-database.js';

const ADMIN_KEY = 'spare-parts-cluster-admin-key-0123456';
const REQUESTS = 50;

// Two processes share one database only on PostgreSQL; a SQLite file belongs to one process.
const runs = databaseKind === 'postgres' && databaseAvailable;

describe.runIf(runs)('stock issued through two server processes', () => {
  let database: TestDatabase;
  let first: ServerProcess;
  let second: ServerProcess;
  let viaFirst: GraphqlRequest;
  let viaSecond: GraphqlRequest;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.config.kind === 'postgres' ? database.config.url : '',
      BOOTSTRAP_ADMIN_API_KEY: ADMIN_KEY,
      DEMO_DATA: 'false',
    };
    // One after the other, so that only the first process runs the migrations.
    first = await startServerProcess(env);
    second = await startServerProcess(env);
    viaFirst = (query, variables) => postGraphql(first.url, ADMIN_KEY, query, variables);
    viaSecond = (query, variables) => postGraphql(second.url, ADMIN_KEY, query, variables);
  });

  afterAll(async () => {
    const codes = await Promise.all([first?.stop(), second?.stop()]);
    await database?.drop();
    expect(codes.filter((code) => code !== undefined)).toEqual([0, 0]);
  });

  it('issues exactly the available stock to 50 concurrent requests', async () => {
    const warehouseId = await createWarehouse(viaFirst, 'WH-CLUSTER');
    const partId = await createPart(viaFirst, { partNumber: 'CL-SEAL-01' });
    const supplierId = await createQualifiedSupplier(viaFirst, 'SUP-CLUSTER');
    await stockUp(viaFirst, supplierId, warehouseId, partId, '10');
    const technicianId = dataOf(
      'createStaff',
      await viaFirst<{ createStaff: { staff: { id: string } } }>(
        `mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }`,
        {
          input: { employeeNumber: 'CL-T1', name: 'Qian Ba', department: 'REPAIR', roles: [] },
        },
      ),
    ).createStaff.staff.id;
    const requisitions = [];
    for (let index = 0; index < REQUESTS; index += 1) {
      requisitions.push(
        await submittedRequisition(viaFirst, technicianId, [
          { partId, warehouseId, quantity: '1' },
        ]),
      );
    }

    // Alternate the processes, so that half of the requests race from each one.
    const outcomes = await Promise.all(
      requisitions.map(async (requisition, index) => {
        const request = index % 2 === 0 ? viaFirst : viaSecond;
        const approved = await requisitionAction(request, 'approveRequisition', requisition);
        if (approved.errors) return { approved: false, errors: approved.errors };
        const issued = await requisitionAction(
          request,
          'issueRequisition',
          approved.data!.approveRequisition.requisition,
          {},
          'RequisitionQuantitiesInput',
        );
        return { approved: true, issued: issued.data?.issueRequisition.requisition.status };
      }),
    );

    const successes = outcomes.filter((outcome) => outcome.approved);
    const failures = outcomes.filter((outcome) => !outcome.approved);
    expect(successes).toHaveLength(10);
    expect(successes.every((outcome) => outcome.issued === 'ISSUED')).toBe(true);
    expect(failures).toHaveLength(40);
    for (const failure of failures) {
      const [error] = failure.errors as { extensions: Record<string, unknown> }[];
      expect(error.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SPARE_PARTS_INSUFFICIENT_STOCK',
        partNumber: 'CL-SEAL-01',
        warehouseCode: 'WH-CLUSTER',
        requested: '1.000',
        available: '0.000',
      });
    }

    for (const request of [viaFirst, viaSecond]) {
      const stock = await stockOf(request, partId);
      expect(stock.stock).toMatchObject({ onHand: '0.000', reserved: '0.000', available: '0.000' });
    }
    const ledger = await ledgerSum(viaSecond, partId, warehouseId);
    expect(ledger).toEqual({ sum: '0.000', count: 11 });
  });
});
