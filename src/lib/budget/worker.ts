/// <reference lib="webworker" />
// The simulator's Web Worker: runs a scenario off the page's thread, so typing a budget never blocks it.
import type { History, PipelineCommunity } from './forecast';
import type { Scenario } from './scenario';
import { simulate } from './simulate';

export interface SimulationRequest {
	id: number;
	pipeline: PipelineCommunity[];
	scenario: Scenario;
	history: History;
	asOf: string;
}

self.onmessage = (e: MessageEvent<SimulationRequest>) => {
	const { id, pipeline, scenario, history, asOf } = e.data;
	try {
		self.postMessage({ id, result: simulate(pipeline, scenario, history, asOf) });
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
};
