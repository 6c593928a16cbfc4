import {
  createConnection,
  createServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net';

/** Startup packets carry no type byte; this is the largest one the proxy accepts. */
const MAX_STARTUP_BYTES = 10_000;
const SSL_REQUEST_CODE = 80877103;

/**
 * A TCP proxy in front of PostgreSQL that counts the statements its clients send. It reads the
 * frontend messages of the wire protocol (version 3) and counts each simple Query ('Q') and each
 * Execute ('E') of the extended protocol. It thus counts the same way for any client library, and
 * it needs no server setting such as pg_stat_statements.
 * NOTE: a simple Query that holds several statements separated by semicolons counts as one.
 */
export class StatementCountingProxy {
  /** Statements counted since the proxy started. */
  statements = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  /** Starts listening on 127.0.0.1 and returns the port. */
  async listen(): Promise<number> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private accept(client: Socket): void {
    const upstream = createConnection(this.upstreamPort, this.upstreamHost);
    this.sockets.add(client).add(upstream);
    const forget = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    upstream.pipe(client);

    // Bytes still needed to finish the current message, and a partial header carried over.
    let startupDone = false;
    let pending = Buffer.alloc(0);
    let skip = 0;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      let buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      pending = Buffer.alloc(0);
      while (buffer.length > 0) {
        if (skip > 0) {
          const taken = Math.min(skip, buffer.length);
          skip -= taken;
          buffer = buffer.subarray(taken);
          continue;
        }
        if (!startupDone) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (length < 8 || length > MAX_STARTUP_BYTES) {
            forget();
            return;
          }
          // An SSL request is followed by another startup packet; any other one ends the startup.
          if (buffer.readInt32BE(4) !== SSL_REQUEST_CODE) startupDone = true;
          skip = length;
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]);
        if (type === 'Q' || type === 'E') this.statements += 1;
        skip = 1 + buffer.readInt32BE(1);
      }
      pending = Buffer.from(buffer);
    });
  }
}
