import type { CountResult } from './check-and-count.js';
import type { LoadResult, LoadSettings } from './load.js';

/** Everything measured for one operation. */
export interface OperationReport {
  name: string;
  description: string;
  statements: CountResult;
  /** One load result per round. */
  project: LoadResult[];
  postgraphile: LoadResult[];
}

function ratio(project: number, postgraphile: number): string {
  return `${(project / postgraphile).toFixed(2)}×`;
}

function pad(cells: string[], widths: number[]): string {
  return `| ${cells.map((cell, index) => cell.padStart(widths[index])).join(' | ')} |`;
}

/**
 * Prints one Markdown table row per operation and measure: the median over the rounds for this
 * project and PostGraphile, and the ratio of this project to PostGraphile.
 */
export function printReport(
  reports: OperationReport[],
  settings: LoadSettings,
  median: (numbers: number[]) => number,
): void {
  const header = ['operation', 'measure', 'this project', 'PostGraphile', 'ratio'];
  const rows: string[][] = [];
  for (const report of reports) {
    const measure = (pick: (load: LoadResult) => number) => ({
      project: median(report.project.map(pick)),
      postgraphile: median(report.postgraphile.map(pick)),
    });
    const throughput = measure((load) => load.requestsPerSecond);
    const p50 = measure((load) => load.p50Ms);
    const p99 = measure((load) => load.p99Ms);
    const cpu = measure((load) => load.cpuMsPerRequest);
    const rss = measure((load) => load.rssBytes / 2 ** 20);
    const failures = {
      project: report.project.reduce((sum, load) => sum + load.failures, 0),
      postgraphile: report.postgraphile.reduce((sum, load) => sum + load.failures, 0),
    };
    const { projectStatements, postgraphileStatements, projectLoggedStatements } =
      report.statements;
    rows.push(
      [
        report.name,
        'requests/s',
        throughput.project.toFixed(0),
        throughput.postgraphile.toFixed(0),
        ratio(throughput.project, throughput.postgraphile),
      ],
      [
        '',
        'p50 ms',
        p50.project.toFixed(1),
        p50.postgraphile.toFixed(1),
        ratio(p50.project, p50.postgraphile),
      ],
      [
        '',
        'p99 ms',
        p99.project.toFixed(1),
        p99.postgraphile.toFixed(1),
        ratio(p99.project, p99.postgraphile),
      ],
      [
        '',
        'SQL statements/request',
        `${projectStatements.toFixed(2)} (log ${projectLoggedStatements.toFixed(2)})`,
        postgraphileStatements.toFixed(2),
        ratio(projectStatements, postgraphileStatements),
      ],
      [
        '',
        'server CPU ms/request',
        cpu.project.toFixed(2),
        cpu.postgraphile.toFixed(2),
        ratio(cpu.project, cpu.postgraphile),
      ],
      [
        '',
        'server RSS MiB',
        rss.project.toFixed(0),
        rss.postgraphile.toFixed(0),
        ratio(rss.project, rss.postgraphile),
      ],
      ['', 'failed requests', String(failures.project), String(failures.postgraphile), ''],
    );
  }
  const widths = header.map((cell, index) =>
    Math.max(cell.length, ...rows.map((row) => row[index].length)),
  );
  console.log(
    `\n${settings.connections} connections, ${settings.warmupSeconds} s warm-up, ` +
      `${settings.durationSeconds} s measured, median of ${reports[0]?.project.length ?? 0} rounds\n`,
  );
  console.log(pad(header, widths));
  console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  for (const row of rows) console.log(pad(row, widths));
}
