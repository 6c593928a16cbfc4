import { deepStrictEqual } from 'node:assert';
import type { GraphQLRequest, HistoryOperation } from './operations.js';
import { startPostgraphile, startProjectServer, type BenchServer } from './servers.js';
import { StatementCountingProxy } from './statement-counting-proxy.js';

/** SQL statements per request of one operation, as counted on the wire and by the project. */
export interface CountResult {
  projectStatements: number;
  postgraphileStatements: number;
  /** The project's own count from its operation log lines, to cross-check the proxy. */
  projectLoggedStatements: number;
}

interface CheckOptions {
  databaseUrl: string;
  postgraphileUrl: string;
  apiKey: string;
  operations: {
    operation: HistoryOperation<never>;
    project: GraphQLRequest[];
    postgraphile: GraphQLRequest[];
  }[];
  checkCount: number;
}

/** Requests sent before counting, so pool connections and cached API keys are in place. */
const WARM_UP_REQUESTS = 3;

async function post(server: BenchServer, request: GraphQLRequest): Promise<unknown> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...server.headers },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || body.errors || !body.data) {
    throw new Error(
      `${server.name} failed on ${JSON.stringify(request.variables)}: status ${response.status}, ${JSON.stringify(body.errors)}`,
    );
  }
  return body.data;
}

function viaProxy(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return parsed.toString();
}

/** Returns the statement counts the project logged for its last `count` operations named `name`. */
function loggedStatements(server: BenchServer, name: string, count: number): number {
  const counts = server.output
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; operation?: string; statements?: number })
    .filter((entry) => entry.msg === 'graphql operation' && entry.operation === name)
    .map((entry) => entry.statements ?? NaN)
    .slice(-count);
  return counts.reduce((sum, value) => sum + value, 0) / counts.length;
}

/**
 * Starts both servers behind statement-counting proxies, checks that they return the same
 * normalised records for the first `checkCount` inputs of every operation, and counts the
 * statements each sent per request. Requests go one at a time, so counts cannot mix.
 */
export async function checkAndCount(options: CheckOptions): Promise<CountResult[]> {
  const upstream = new URL(options.databaseUrl);
  const projectProxy = new StatementCountingProxy(upstream.hostname, Number(upstream.port || 5432));
  const postgraphileProxy = new StatementCountingProxy(
    upstream.hostname,
    Number(upstream.port || 5432),
  );
  const project = await startProjectServer({
    databaseUrl: viaProxy(options.databaseUrl, await projectProxy.listen()),
    apiKey: options.apiKey,
    logLevel: 'info',
  });
  let postgraphile: BenchServer | undefined;
  try {
    postgraphile = await startPostgraphile({
      databaseUrl: viaProxy(options.postgraphileUrl, await postgraphileProxy.listen()),
    });
    const results: CountResult[] = [];
    for (const {
      operation,
      project: projectRequests,
      postgraphile: pgRequests,
    } of options.operations) {
      for (let index = 0; index < WARM_UP_REQUESTS; index += 1) {
        await post(project, projectRequests[index % projectRequests.length]);
        await post(postgraphile, pgRequests[index % pgRequests.length]);
      }
      const projectBefore = projectProxy.statements;
      const postgraphileBefore = postgraphileProxy.statements;
      for (let index = 0; index < options.checkCount; index += 1) {
        const projectData = operation.normaliseProject(await post(project, projectRequests[index]));
        const postgraphileData = operation.normalisePostgraphile(
          await post(postgraphile, pgRequests[index]),
        );
        try {
          deepStrictEqual(projectData, postgraphileData);
        } catch (error) {
          throw new Error(
            `${operation.name}: the servers returned different records for ${JSON.stringify(projectRequests[index].variables)}\n${(error as Error).message}`,
            { cause: error },
          );
        }
      }
      const operationName = /query (\w+)/.exec(projectRequests[0].query)?.[1] ?? '';
      results.push({
        projectStatements: (projectProxy.statements - projectBefore) / options.checkCount,
        postgraphileStatements:
          (postgraphileProxy.statements - postgraphileBefore) / options.checkCount,
        projectLoggedStatements: loggedStatements(project, operationName, options.checkCount),
      });
      console.log(
        `${operation.name}: ${options.checkCount} inputs return the same records from both servers`,
      );
    }
    return results;
  } finally {
    await project.stop();
    await postgraphile?.stop();
    await projectProxy.close();
    await postgraphileProxy.close();
  }
}
