import XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
console.log(XLSX.SSF.get_table()[57], XLSX.SSF.get_table()[31], XLSX.SSF.get_table()[14]);
XLSX.SSF.load('yyyy"年"m"月"', 57);
const wb = XLSX.read(readFileSync('/tmp/m57.xlsx'), { type: 'array', cellNF: true, sheetStubs: true });
console.log(JSON.stringify(wb.Sheets['进度'].C2));
const wb2 = XLSX.read(readFileSync('../shared/field-cases/07-cn-date-format/旧改台账-中文日期.xlsx'), { type: 'array', cellNF: true, sheetStubs: true });
console.log(JSON.stringify(wb2.Sheets['进度'].C2));
