// npm run template: writes data/template.xlsx for the office to fill in.
import { makeTemplate } from '../src/node/template';

const path = process.argv[2] ?? 'data/template.xlsx';
await makeTemplate().xlsx.writeFile(path);
console.log(`wrote ${path}`);
