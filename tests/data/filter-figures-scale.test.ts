// The first screen's figures in JS equal the SQL's at scale: 10k, 100k and 300k communities (the example's size
// is in the unit tier: tests/unit/data/filter-figures.test.ts). Each filter is checked three times (as set, after a town
// toggle, after two toggles), so the larger sizes take fewer filters to keep the tier's time.
import { describeFilterFiguresEqualSql } from '../unit/data/filter-figures-equal';

describeFilterFiguresEqualSql([
	[10_000, 12],
	[100_000, 4],
	[300_000, 2]
]);
