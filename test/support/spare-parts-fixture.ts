import type { GraphqlRequest } from './repair-live.js';

/** Returns `data` or throws with the errors, naming the operation. */
export function dataOf<T>(
  name: string,
  response: { data?: T | null; errors?: readonly unknown[] },
): T {
  if (response.errors || !response.data) {
    throw new Error(`${name} failed: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** A record's id and version as mutations return them. */
export interface Versioned {
  id: string;
  version: number;
  status?: string;
}

/** Creates a part and returns its global ID. */
export async function createPart(
  request: GraphqlRequest,
  input: Record<string, unknown>,
): Promise<string> {
  const response = await request<{ createPart: { part: { id: string } } }>(
    `mutation($input: CreatePartInput!) { createPart(input: $input) { part { id } } }`,
    { input: { name: `Part ${String(input.partNumber)}`, ...input } },
  );
  return dataOf('createPart', response).createPart.part.id;
}

/** Creates a warehouse and returns its global ID. */
export async function createWarehouse(request: GraphqlRequest, code: string): Promise<string> {
  const response = await request<{ createWarehouse: { warehouse: { id: string } } }>(
    `mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { warehouse { id } } }`,
    { input: { code, name: `Warehouse ${code}` } },
  );
  return dataOf('createWarehouse', response).createWarehouse.warehouse.id;
}

/** Creates a supplier, qualifies it, and returns its global ID. */
export async function createQualifiedSupplier(request: GraphqlRequest, code: string) {
  const created = dataOf(
    'createSupplier',
    await request<{ createSupplier: { supplier: Versioned } }>(
      `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { supplier { id version } } }`,
      { input: { code, name: `Supplier ${code}` } },
    ),
  ).createSupplier.supplier;
  dataOf(
    'qualifySupplier',
    await request(
      `mutation($input: QualifySupplierInput!) { qualifySupplier(input: $input) { supplier { id qualified } } }`,
      {
        input: {
          id: created.id,
          version: created.version,
          qualified: true,
          note: 'Audit report QA-2026-017',
          decidedOn: '2026-01-15',
        },
      },
    ),
  );
  return created.id;
}

/** One line of a purchase order to create. */
export interface OrderLine {
  partId: string;
  quantity: string;
  unitPrice: string;
}

/** Creates and places a purchase order; returns its id, version and line ids. */
export async function placePurchaseOrder(
  request: GraphqlRequest,
  supplierId: string,
  lines: OrderLine[],
): Promise<{ order: Versioned; lineIds: string[] }> {
  const created = dataOf(
    'createPurchaseOrder',
    await request<{
      createPurchaseOrder: { purchaseOrder: Versioned & { lines: { id: string }[] } };
    }>(
      `mutation($input: CreatePurchaseOrderInput!) {
        createPurchaseOrder(input: $input) { purchaseOrder { id version status lines { id } } }
      }`,
      {
        input: {
          supplierId,
          currency: 'CNY',
          lines: lines.map((line) => ({
            ...line,
            deliveryDate: '2026-12-20',
            qualityTerms: 'API 7K; inspection on receipt',
          })),
        },
      },
    ),
  ).createPurchaseOrder.purchaseOrder;
  const placed = dataOf(
    'placePurchaseOrder',
    await request<{ placePurchaseOrder: { purchaseOrder: Versioned } }>(
      `mutation($input: PurchaseOrderActionInput!) {
        placePurchaseOrder(input: $input) { purchaseOrder { id version status } }
      }`,
      { input: { id: created.id, version: created.version } },
    ),
  ).placePurchaseOrder.purchaseOrder;
  return { order: placed, lineIds: created.lines.map((line) => line.id) };
}

/** Receives quantities against order lines into a warehouse, each with a certificate. */
export function receive(
  request: GraphqlRequest,
  purchaseOrderId: string,
  warehouseId: string,
  lines: { orderLineId: string; quantity: string; qualityCertificateNumber?: string | null }[],
) {
  return request<{
    receivePurchaseOrder: { purchaseOrder: Versioned; receipt: { id: string } };
  }>(
    `mutation($input: ReceivePurchaseOrderInput!) {
      receivePurchaseOrder(input: $input) { receipt { id } purchaseOrder { id version status } }
    }`,
    {
      input: {
        purchaseOrderId,
        warehouseId,
        lines: lines.map((line) => ({ qualityCertificateNumber: 'QC-0001', ...line })),
      },
    },
  );
}

/** Puts `quantity` of a part into a warehouse through a purchase order and a receipt. */
export async function stockUp(
  request: GraphqlRequest,
  supplierId: string,
  warehouseId: string,
  partId: string,
  quantity: string,
  unitPrice = '100.00',
): Promise<void> {
  const { order, lineIds } = await placePurchaseOrder(request, supplierId, [
    { partId, quantity, unitPrice },
  ]);
  dataOf(
    'receivePurchaseOrder',
    await receive(request, order.id, warehouseId, [{ orderLineId: lineIds[0], quantity }]),
  );
}

/** Creates a requisition with the given lines and submits it. */
export async function submittedRequisition(
  request: GraphqlRequest,
  technicianId: string,
  lines: { partId: string; warehouseId: string; quantity: string }[],
  repairOrderId?: string,
): Promise<Versioned & { lines: { id: string }[] }> {
  const created = dataOf(
    'createRequisition',
    await request<{ createRequisition: { requisition: Versioned & { lines: { id: string }[] } } }>(
      `mutation($input: CreateRequisitionInput!) {
        createRequisition(input: $input) { requisition { id version status lines { id } } }
      }`,
      { input: { technicianId, repairOrderId, lines } },
    ),
  ).createRequisition.requisition;
  const submitted = await requisitionAction(request, 'submitRequisition', created);
  return {
    ...dataOf('submitRequisition', submitted).submitRequisition.requisition,
    lines: created.lines,
  };
}

/** Runs a requisition mutation that takes `{ id, version }` plus `extra`. */
export function requisitionAction(
  request: GraphqlRequest,
  mutation: string,
  requisition: Versioned,
  extra: Record<string, unknown> = {},
  inputType = 'RequisitionActionInput',
) {
  return request<Record<string, { requisition: Versioned }>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { requisition { id version status } } }`,
    { input: { id: requisition.id, version: requisition.version, ...extra } },
  );
}

/** Reads the stock of a part over all warehouses and per warehouse. */
export async function stockOf(request: GraphqlRequest, partId: string) {
  const response = await request<{
    part: {
      stock: { onHand: string; reserved: string; available: string; belowReorderPoint: boolean };
      stockLevels: {
        onHand: string;
        reserved: string;
        available: string;
        warehouse: { code: string };
      }[];
    };
  }>(
    `query($id: ID!) { part(id: $id) {
      stock { onHand reserved available belowReorderPoint }
      stockLevels { onHand reserved available warehouse { code } }
    } }`,
    { id: partId },
  );
  return dataOf('part', response).part;
}

/** Sums a part's ledger movements in a warehouse, read page by page through stockMovements. */
export async function ledgerSum(
  request: GraphqlRequest,
  partId: string,
  warehouseId: string,
): Promise<{ sum: string; count: number }> {
  let after: string | null = null;
  let total = 0n;
  let count = 0;
  type MovementPage = {
    stockMovements: {
      edges: { node: { quantity: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
  for (;;) {
    const response: { data?: MovementPage | null; errors?: readonly unknown[] } =
      await request<MovementPage>(
        `query($filter: StockMovementFilter, $after: String) {
        stockMovements(first: 100, after: $after, filter: $filter) {
          edges { node { quantity } } pageInfo { hasNextPage endCursor }
        }
      }`,
        { filter: { partId, warehouseId }, after },
      );
    const page: MovementPage['stockMovements'] = dataOf('stockMovements', response).stockMovements;
    for (const edge of page.edges) {
      // Quantities have exactly three decimal places, so thousandths add up exactly.
      total += BigInt(edge.node.quantity.replace('.', ''));
      count += 1;
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(4, '0');
  const sum = `${negative ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
  return { sum, count };
}
