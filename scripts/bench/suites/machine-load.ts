/** The benches share the machine with whatever else runs: a note saying how busy it was when a table started. */
import os from 'node:os';
import { round } from '../stats';

export function machineLoad(): string {
  return `Load average (1 min) when this table started: ${round(os.loadavg()[0]!, 1)} on ${os.cpus().length} CPUs.`;
}
