// Measures how long a committed repair order change takes to reach N graphql-ws subscribers of
// `repairOrderChanged`, and the server memory per idle subscription. The server runs in a child
// process (bench/subscription-server.ts), so client and server memory are measured apart.
// Run with `npm run bench:subscriptions [-- --subscribers 1000,5000 --events 20]`.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import type { ServerReply, ServerRequest } from './subscription-server.js';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

const SUBSCRIPTION = `subscription Board($filter: RepairOrderChangedFilter) {
  repairOrderChanged(filter: $filter) {
    __typename
    ... on RepairOrderChangedEvent { eventId kind to repairOrder { id number status } }
  }
}`;

const CREATE_ORDER = `mutation Report($input: CreateRepairOrderInput!) {
  createRepairOrder(input: $input) { repairOrder { id } }
}`;

interface Options {
  subscribers: number[];
  events: number;
  intervalMs: number;
  connectBatch: number;
  settleMs: number;
  drainTimeoutMs: number;
  cpuProfileDir?: string;
}

interface BenchServer {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  /** Memory use after a full garbage collection, and SQL statements issued so far. */
  stats(): Promise<{ usage: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage; statements: number }>;
  close(): Promise<void>;
}

/** Receipt times (performance.now() in this process) of each repair order, one per delivery. */
type Receipts = Map<string, number[]>;

interface Row {
  subscribers: number;
  expected: number;
  delivered: number;
  duplicates: number;
  p50: number;
  p99: number;
  max: number;
  mutationP50: number;
  /** Mean time between the starts of two consecutive mutations. */
  spacing: number;
  /** SQL statements the server issued per delivery, the mutations' own included. */
  statementsPerDelivery: number;
  /** Server CPU time (user and system) per delivery, the mutations' own included. */
  cpuPerDelivery: number;
  rssPerConnection: number;
  heapPerConnection: number;
}

/** Nearest-rank percentile of sorted durations. */
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` is true, checking every 20 ms, or throws after `timeoutMs`. */
async function waitFor(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(20);
  }
}

async function startBenchServer(cpuProfileDir?: string): Promise<BenchServer> {
  // The young-generation size of the start commands and the Dockerfile (see docs/configuration.md, Node.js settings).
  const execArgv = ['--import', 'tsx', '--expose-gc', '--max-semi-space-size=64'];
  if (cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`);
  const child = fork(new URL('./subscription-server.ts', import.meta.url), [], {
    execArgv,
    env: { ...process.env, BENCH_ADMIN_KEY: ADMIN_KEY },
  });
  const reply = (type: ServerReply['type']) =>
    new Promise<ServerReply>((resolve, reject) => {
      const onMessage = (message: ServerReply) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`bench server exited with code ${code}`)));
    });
  const request = (message: ServerRequest) => child.send(message);
  const ready = (await reply('ready')) as Extract<ServerReply, { type: 'ready' }>;
  return {
    child,
    url: ready.url,
    wsUrl: ready.wsUrl,
    async stats() {
      const answer = reply('stats');
      request({ type: 'stats' });
      return (await answer) as Extract<ServerReply, { type: 'stats' }>;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      request({ type: 'close' });
      await exited;
    },
  };
}

async function post<T>(url: string, query: string, variables?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  const reply = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (reply.errors?.length || !reply.data) {
    throw new Error(`request to ${url} failed: ${JSON.stringify(reply.errors)}`);
  }
  return reply.data;
}

/** Creates a customer, an equipment model and one unit, and returns the unit's global ID. */
async function createEquipment(url: string): Promise<string> {
  const customer = await post<{ createCustomer: { customer: { id: string } } }>(
    url,
    'mutation { createCustomer(input: { code: "BENCH-OPS", name: "Bench Ops", kind: OPERATOR }) { customer { id } } }',
  );
  const model = await post<{ createEquipmentModel: { equipmentModel: { id: string } } }>(
    url,
    'mutation { createEquipmentModel(input: { manufacturer: "Bench", modelCode: "MP-16", category: MUD_PUMP }) { equipmentModel { id } } }',
  );
  const unit = await post<{ createEquipment: { equipment: { id: string } } }>(
    url,
    'mutation($input: CreateEquipmentInput!) { createEquipment(input: $input) { equipment { id } } }',
    {
      input: {
        serialNumber: 'MP-16-0001',
        modelId: model.createEquipmentModel.equipmentModel.id,
        customerId: customer.createCustomer.customer.id,
      },
    },
  );
  return unit.createEquipment.equipment.id;
}

/**
 * Sends one createRepairOrder and returns the new order's ID, the time just before the first
 * attempt and the round-trip time. A request that fails on the network is sent again, up to three
 * times, with the same idempotency key, so a retry never creates a second order.
 */
async function reportOrder(url: string, equipmentId: string, index: number) {
  const input = {
    equipmentId,
    channel: 'PHONE',
    faultDescription: `Bench fault ${index}: pump knocks at 90 spm`,
    orderType: 'CORRECTIVE_REPAIR',
    idempotencyKey: `bench-${randomUUID()}`,
  };
  const sentAt = performance.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      const data = await post<{ createRepairOrder: { repairOrder: { id: string } } }>(
        url,
        CREATE_ORDER,
        { input },
      );
      const orderId = data.createRepairOrder.repairOrder.id;
      return { orderId, sentAt, roundTrip: performance.now() - sentAt };
    } catch (error) {
      // A busy server may close a keep-alive socket as fetch reuses it (seen as ECONNRESET).
      if (!(error instanceof TypeError) || attempt >= 3) throw error;
      console.error(`createRepairOrder ${index} failed (${error.message}), sending it again`);
    }
  }
}

/** Counters shared by all subscribers of one run. */
interface Deliveries {
  receipts: Receipts;
  duplicates: number;
  failures: unknown[];
}

/** One subscriber's connection; `close()` ends it. */
interface Subscriber {
  close(): Promise<void>;
}

/**
 * Opens one WebSocket with one `repairOrderChanged` subscription, speaking the graphql-ws
 * protocol (graphql-transport-ws) directly, and resolves once the server acknowledged the
 * connection. The receipt time is taken when the message arrives, before it is parsed. A full
 * graphql-ws client per subscriber would make this process, which shares the machine with the
 * server, the bottleneck at thousands of subscribers.
 */
function subscribe(
  wsUrl: string,
  equipmentId: string,
  deliveries: Deliveries,
): Promise<Subscriber> {
  const received = new Set<string>();
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const close = () =>
    new Promise<void>((resolve) => {
      if (socket.readyState === WebSocket.CLOSED) return resolve();
      socket.once('close', () => resolve());
      socket.close(1000);
    });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`socket closed with code ${code}`)));
    socket.once('open', () => {
      socket.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: `Bearer ${ADMIN_KEY}` },
        }),
      );
    });
    socket.on('message', (data) => {
      const receivedAt = performance.now();
      const message = JSON.parse(String(data)) as {
        type: string;
        payload?: { data?: { repairOrderChanged: { repairOrder?: { id: string } } } };
      };
      if (message.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: SUBSCRIPTION, variables: { filter: { equipmentId } } },
          }),
        );
        resolve({ close });
        return;
      }
      if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      }
      if (message.type !== 'next') {
        deliveries.failures.push(message);
        return;
      }
      const orderId = message.payload?.data?.repairOrderChanged.repairOrder?.id;
      if (!orderId) {
        deliveries.failures.push(message.payload);
        return;
      }
      if (received.has(orderId)) deliveries.duplicates += 1;
      received.add(orderId);
      const times = deliveries.receipts.get(orderId) ?? [];
      times.push(receivedAt);
      deliveries.receipts.set(orderId, times);
    });
  });
}

/** Opens `count` subscribers, `batch` at a time. */
async function openSubscribers(
  wsUrl: string,
  equipmentId: string,
  count: number,
  batch: number,
  deliveries: Deliveries,
): Promise<Subscriber[]> {
  const clients: Subscriber[] = [];
  for (let opened = 0; opened < count; opened += batch) {
    const size = Math.min(batch, count - opened);
    const batchClients = await Promise.all(
      Array.from({ length: size }, () => subscribe(wsUrl, equipmentId, deliveries)),
    );
    clients.push(...batchClients);
  }
  return clients;
}

const deliveredCount = (receipts: Receipts, orderIds: string[]) =>
  orderIds.reduce((sum, orderId) => sum + (receipts.get(orderId)?.length ?? 0), 0);

async function runOnce(subscribers: number, options: Options): Promise<Row> {
  const server = await startBenchServer(options.cpuProfileDir);
  const clients: Subscriber[] = [];
  try {
    const equipmentId = await createEquipment(server.url);
    const before = await server.stats();
    const deliveries: Deliveries = { receipts: new Map(), duplicates: 0, failures: [] };
    clients.push(
      ...(await openSubscribers(
        server.wsUrl,
        equipmentId,
        subscribers,
        options.connectBatch,
        deliveries,
      )),
    );
    // The subscribe message has no acknowledgement, so the server may still be starting streams.
    await sleep(options.settleMs);
    const idle = await server.stats();

    // A warm-up change that every subscriber receives proves that every stream is live.
    const warmUp = await reportOrder(server.url, equipmentId, 0);
    await waitFor(
      () => deliveredCount(deliveries.receipts, [warmUp.orderId]) >= subscribers,
      options.drainTimeoutMs,
      `warm-up change delivered to all ${subscribers} subscribers`,
    );

    const beforeEvents = await server.stats();
    const sent: { orderId: string; sentAt: number; roundTrip: number }[] = [];
    // Closed loop: the next mutation goes out once the previous response has arrived and at least
    // `intervalMs` after the previous one was sent, so a busy server stretches the spacing.
    for (let index = 1; index <= options.events; index += 1) {
      const order = await reportOrder(server.url, equipmentId, index);
      sent.push(order);
      await sleep(Math.max(0, order.sentAt + options.intervalMs - performance.now()));
    }
    const orderIds = sent.map((order) => order.orderId);
    const expected = subscribers * options.events;
    await waitFor(
      () => deliveredCount(deliveries.receipts, orderIds) >= expected,
      options.drainTimeoutMs,
      `${expected} deliveries`,
    ).catch((error: unknown) => console.error((error as Error).message));

    const afterEvents = await server.stats();
    const latencies: number[] = [];
    for (const order of sent) {
      for (const receivedAt of deliveries.receipts.get(order.orderId) ?? []) {
        latencies.push(receivedAt - order.sentAt);
      }
    }
    latencies.sort((a, b) => a - b);
    const roundTrips = sent.map((order) => order.roundTrip).sort((a, b) => a - b);
    if (deliveries.failures.length > 0) {
      console.error(`${deliveries.failures.length} error messages, first:`, deliveries.failures[0]);
    }
    return {
      subscribers,
      expected,
      delivered: latencies.length,
      duplicates: deliveries.duplicates,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: latencies[latencies.length - 1] ?? Number.NaN,
      mutationP50: percentile(roundTrips, 0.5),
      spacing: (sent[sent.length - 1].sentAt - sent[0].sentAt) / Math.max(1, sent.length - 1),
      statementsPerDelivery:
        (afterEvents.statements - beforeEvents.statements) / Math.max(1, latencies.length),
      cpuPerDelivery:
        (afterEvents.cpu.user +
          afterEvents.cpu.system -
          beforeEvents.cpu.user -
          beforeEvents.cpu.system) /
        Math.max(1, latencies.length),
      rssPerConnection: (idle.usage.rss - before.usage.rss) / subscribers,
      heapPerConnection: (idle.usage.heapUsed - before.usage.heapUsed) / subscribers,
    };
  } finally {
    for (let index = 0; index < clients.length; index += options.connectBatch) {
      await Promise.all(
        clients.slice(index, index + options.connectBatch).map((client) => client.close()),
      );
    }
    await server.close();
  }
}

function printTable(rows: Row[]): void {
  console.log(
    '| subscribers | delivered / expected | duplicates | p50 ms | p99 ms | max ms | ' +
      'mutation p50 ms | spacing ms | SQL per delivery | server CPU µs per delivery | ' +
      'server RSS per idle subscriber | ' +
      'server heap per idle subscriber |',
  );
  console.log('|' + ' ---: |'.repeat(12));
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  for (const row of rows) {
    const cells = [
      row.subscribers,
      `${row.delivered} / ${row.expected}`,
      row.duplicates,
      row.p50.toFixed(1),
      row.p99.toFixed(1),
      row.max.toFixed(1),
      row.mutationP50.toFixed(1),
      row.spacing.toFixed(0),
      row.statementsPerDelivery.toFixed(2),
      row.cpuPerDelivery.toFixed(1),
      kib(row.rssPerConnection),
      kib(row.heapPerConnection),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '1000,5000' },
      events: { type: 'string', default: '20' },
      interval: { type: 'string', default: '200' },
      'connect-batch': { type: 'string', default: '250' },
      settle: { type: 'string', default: '2000' },
      'drain-timeout': { type: 'string', default: '300000' },
      'cpu-prof-dir': { type: 'string' },
    },
  });
  const whole = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`--${name} "${text}" is invalid: expected a whole number of ${min} or more`);
    }
    return value;
  };
  const subscribers = values.subscribers.split(',').map((n) => whole('subscribers', n.trim(), 1));
  if (subscribers.some((count) => count > 10_000)) {
    // Each subscriber is one socket in this process and one in the server.
    throw new Error('--subscribers is invalid: expected at most 10000 per run');
  }
  return {
    subscribers,
    events: whole('events', values.events, 1),
    intervalMs: whole('interval', values.interval, 0),
    connectBatch: whole('connect-batch', values['connect-batch'], 1),
    settleMs: whole('settle', values.settle, 0),
    drainTimeoutMs: whole('drain-timeout', values['drain-timeout'], 1),
    cpuProfileDir: values['cpu-prof-dir'],
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const rows: Row[] = [];
  for (const subscribers of options.subscribers) {
    const row = await runOnce(subscribers, options);
    console.log(JSON.stringify(row));
    rows.push(row);
  }
  const load = loadavg().map((value) => value.toFixed(2));
  console.log(
    `Node.js ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ` +
      `load average ${load.join(' ')} after the run`,
  );
  console.log(
    `${options.events} createRepairOrder mutations, each sent once the previous response has ` +
      `arrived and at least ${options.intervalMs} ms after the previous one was sent. Latency ` +
      'runs from just before a mutation is sent to its receipt by each subscriber.\n',
  );
  printTable(rows);
  if (rows.some((row) => row.delivered !== row.expected || row.duplicates > 0)) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
