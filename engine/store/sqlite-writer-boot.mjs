// Starts the SQLite writer thread. The engine is TypeScript run by tsx; a worker thread does not inherit the loader
// hooks of the thread that started it, so it registers tsx itself before loading the writer's module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
