// `node --import tsx --import ./scripts/lib/exit-with-parent-hook.ts <entry>`: the office server starts its
// importer and query processes so, with YQ_PARENT_PID set to its own pid. Loaded before the entry and its imports
// (which take seconds to compile on a busy machine), so that a server killed even then leaves nothing behind.
import { exitWithParent } from './exit-with-parent';

if (process.env.YQ_PARENT_PID) exitWithParent(Number(process.env.YQ_PARENT_PID));
