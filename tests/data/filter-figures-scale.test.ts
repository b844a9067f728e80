// The first screen's figures in JS equal the SQL's at scale: 10k, 100k and 300k communities (the example's size
// is in the unit tier: tests/unit/data/filter-figures.test.ts).
import { describeFilterFiguresEqualSql } from '../unit/data/filter-figures-equal';

describeFilterFiguresEqualSql([
	[10_000, 12],
	[100_000, 5],
	[300_000, 3]
]);
