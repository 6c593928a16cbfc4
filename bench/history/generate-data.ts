// `npm run bench:history:data`: builds the PostgreSQL database of the service-history benchmark.
import { parseArgs } from 'node:util';
import { DEFAULT_BENCH_DATABASE_URL, ensureHistoryData } from './history-database.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    rebuild: { type: 'boolean', default: false },
  },
});
const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;

ensureHistoryData(url, { rebuild: values.rebuild })
  .then((counts) => {
    console.log(
      `${counts.customers} customers, ${counts.units} units, ${counts.allOrders} repair orders ` +
        `(${counts.generatedOrders} generated)`,
    );
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
