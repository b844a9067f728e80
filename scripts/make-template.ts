// npm run template: writes data/template.xlsx for the office to fill in.
import ExcelJS from 'exceljs';
import { makeTemplate } from '../src/lib/files/template';

const path = process.argv[2] ?? 'data/template.xlsx';
await makeTemplate(ExcelJS).xlsx.writeFile(path);
console.log(`wrote ${path}`);
