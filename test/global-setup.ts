// Once before the tests run: the web app's bundle in dist/app/ (what `npm run build` makes for npm start), since the
// server only ever serves a built bundle and the app's tests need it on a clean clone.
import { bundleWebApp } from '../scripts/build-forms-ui.js';
import { fileURLToPath } from 'node:url';

export default async function bundleTheWebApp(): Promise<void> {
  await bundleWebApp(fileURLToPath(new URL('../dist', import.meta.url)));
}
