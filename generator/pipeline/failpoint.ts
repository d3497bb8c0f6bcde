/**
 * Fault injection for the crash tests (test/interrupted.test.ts): with `DOCSCHEMA_FAILPOINT=<name>` in the
 * environment, the process kills itself (SIGKILL, as `kill -9` or a power cut would) when it reaches that point.
 * Points: `staged` (the new output is complete beside the old one), `swapping` (the old output is moved aside, the
 * new one not yet in place), `swapped` (the new output is in place, the old one not yet removed).
 */
export function failpoint(name: string): void {
  if (process.env["DOCSCHEMA_FAILPOINT"] === name) process.kill(process.pid, "SIGKILL");
}
