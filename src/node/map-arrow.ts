// map.arrow's writer lives beside its reader in src/lib/files (the workbench writes it in the browser too).
export { mapArrow } from '../lib/files/map-arrow-file';
