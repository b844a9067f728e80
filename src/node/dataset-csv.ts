// Writes a dataset as one CSV per table, in the schema's column order, streaming (300k communities fit).
import { createWriteStream, type WriteStream } from 'node:fs';
import { csvLine } from '../lib/files/csv';
import type { TownRow } from '../lib/schema/rows';
import { TABLES, type TableName } from '../lib/schema/schema';
import type { CommunityBundle } from './example/generate';

type Row = Record<string, unknown>;

class TableWriter {
	readonly #stream: WriteStream;
	readonly #columns: string[];
	#buffer: string[] = [];
	count = 0;

	constructor(path: string, columns: string[]) {
		this.#stream = createWriteStream(path);
		this.#columns = columns;
		this.#buffer.push(csvLine(columns));
	}

	write(row: Row): void {
		this.#buffer.push(csvLine(this.#columns.map((c) => row[c] as string | number | boolean | null)));
		this.count++;
		if (this.#buffer.length >= 5000) this.flush();
	}

	flush(): void {
		if (this.#buffer.length > 0) this.#stream.write(this.#buffer.join(''));
		this.#buffer = [];
	}

	close(): Promise<void> {
		this.flush();
		return new Promise((resolve, reject) =>
			this.#stream.end((err?: Error | null) => (err ? reject(err) : resolve()))
		);
	}
}

export function writeDatasetCsv(dir: string, towns: TownRow[]) {
	const writers = new Map<TableName, TableWriter>(
		TABLES.map((t) => [
			t.name,
			new TableWriter(
				`${dir}/${t.name}.csv`,
				t.columns.map((c) => c.name)
			)
		])
	);
	const w = (name: TableName) => writers.get(name)!;
	for (const town of towns) w('towns').write(town as unknown as Row);
	return {
		add(b: CommunityBundle): void {
			w('communities').write(b.community as unknown as Row);
			for (const r of b.works) w('works').write(r as unknown as Row);
			for (const r of b.votes) w('votes').write(r as unknown as Row);
			for (const r of b.funds) w('funds').write(r as unknown as Row);
			for (const r of b.stages) w('stage_events').write(r as unknown as Row);
			for (const r of b.contacts) w('contacts').write(r as unknown as Row);
		},
		async close(): Promise<Record<string, number>> {
			await Promise.all([...writers.values()].map((x) => x.close()));
			return Object.fromEntries([...writers].map(([name, x]) => [name, x.count]));
		}
	};
}
