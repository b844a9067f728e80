// npm run generate -- [--seed N] [--scale yueqing | --count N] [--as-of YYYY-MM-DD] [--out DIR]
// Writes the example dataset as CSV files (one per table) and metadata.json. Same seed → byte-identical output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeDatasetCsv } from '../src/node/dataset-csv';
import { generate } from '../src/node/example/generate';
import { loadGeography } from '../src/node/geography';

const { values } = parseArgs({
	options: {
		seed: { type: 'string', default: '20231204' },
		scale: { type: 'string', default: 'yueqing' },
		count: { type: 'string' },
		'as-of': { type: 'string', default: '2026-11-15' },
		out: { type: 'string', default: 'data/example' }
	}
});
if (values.scale !== 'yueqing' && values.count === undefined) {
	console.error(`--scale takes only "yueqing"; use --count N for another size`);
	process.exit(2);
}
const count = values.count === undefined ? undefined : Number(values.count);
if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
	console.error(`--count must be a positive whole number (${values.count})`);
	process.exit(2);
}

const started = performance.now();
const geo = loadGeography();
mkdirSync(values.out, { recursive: true });
const writer = writeDatasetCsv(values.out, geo.towns);
const meta = generate(geo, { seed: Number(values.seed), count, asOf: values['as-of'] }, (b) => writer.add(b));
const counts = await writer.close();
writeFileSync(`${values.out}/metadata.json`, JSON.stringify(meta, null, '\t') + '\n');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
	`wrote ${values.out}: ${Object.entries(counts)
		.map(([t, n]) => `${t} ${n}`)
		.join(', ')} in ${seconds} s`
);
