// Fault injection for the crash tests only: OFFICE_FAULT=<step> makes the process kill itself (SIGKILL, as a power
// cut or the OOM killer would) on reaching that step, so a test can stop it at a chosen point of a write sequence.
// Unset in every real deployment; a step name nobody reaches does nothing.

/** Die here when `fault` names `step`. */
export function crashPoint(fault: string | undefined, step: string): void {
	if (fault === step) process.kill(process.pid, 'SIGKILL');
}
