/**
 * CPU time spent per request, by process: the load-independent figure beside
 * throughput. On a busy 2-core machine req/s moves with whatever else runs, but
 * the CPU each write costs the servers' process and PostgreSQL's processes does
 * not (much): their sum is what bounds throughput once the machine is saturated.
 * Linux only (/proc); figures are in clock ticks of 10 ms, so read them over
 * thousands of requests.
 */
import { readFileSync } from "node:fs";

const TICK_MS = 10;

/** user + system CPU of a process in ms, or 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    // The fields after the command (which may hold spaces) start after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

export interface CpuSample {
  servers: number;
  postgres: number;
}

/** CPU so far of the servers' process and of the given PostgreSQL processes. */
export function sampleCpu(serversPid: number, postgresPids: readonly number[]): CpuSample {
  return { servers: cpuMs(serversPid), postgres: postgresPids.reduce((sum, pid) => sum + cpuMs(pid), 0) };
}

/** "node 1.23 + postgres 2.34 = 3.57 ms CPU per request" between two samples. */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): { servers: number; postgres: number; total: number; line: string } {
  const servers = (after.servers - before.servers) / requests;
  const postgres = (after.postgres - before.postgres) / requests;
  const total = servers + postgres;
  return { servers, postgres, total, line: `CPU per request: servers ${servers.toFixed(2)} + postgres ${postgres.toFixed(2)} = ${total.toFixed(2)} ms` };
}
