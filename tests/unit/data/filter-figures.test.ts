// The first screen's figures in JS equal the SQL's at the example's size (724); 10k–300k: the data tier
// (tests/data/filter-figures-scale.test.ts).
import { describeFilterFiguresEqualSql } from './filter-figures-equal';

describeFilterFiguresEqualSql([[724, 25]]);
