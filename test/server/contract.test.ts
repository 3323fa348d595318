// The minimum contract over real HTTP against a real SQLite file.
import { runHttpContract } from './contract.js';

runHttpContract('SQLite', async () => ({}));
