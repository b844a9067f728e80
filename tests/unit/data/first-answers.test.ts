// The first screen's figures in JS equal the SQL's at the example's size (724); 10k–300k: the data tier
// (tests/data/first-answers-scale.test.ts).
import { describeFirstAnswersEqualSql } from './first-answers-equal';

describeFirstAnswersEqualSql([[724, 25]]);
