// Service performance (roles with readPerformance): the month-by-month figures as JSON for the page, and each of its
// tables as a CSV file, the same rows either way (services/performance-tables.ts).
import { stringify } from 'csv-stringify/sync';
import { Router } from 'express';
import { MAX_REPORT_MONTHS } from '../../engine/index.js';
import { problem } from '../http-problems.js';
import { requireUser } from '../middleware/authorisation.js';
import type { Services } from '../services/index.js';
import { monthsAsked, performanceReport, type PerformanceReport } from '../services/performance-report.js';
import type { Cell } from '../services/performance-tables.js';

/** A spreadsheet would run a cell starting like a formula: such text is kept as text (OWASP, CSV injection). */
function spreadsheetSafe(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function reportRoutes(services: Services): Router {
  const router = Router();
  router.use(requireUser(services, 'readPerformance'));

  async function report(months: unknown): Promise<PerformanceReport> {
    const count = monthsAsked(months);
    if (count === undefined)
      throw problem(400, 'bad-request', `months is a whole number from 1 to ${MAX_REPORT_MONTHS}.`, {
        parameter: 'months',
      });
    const { defs } = await services.registry.current();
    return performanceReport(services.store, defs, services.now(), count);
  }

  router.get('/performance', async (req, res) => {
    res.json(await report(req.query.months));
  });

  router.get('/performance/:table.csv', async (req, res) => {
    const found = await report(req.query.months);
    const table = found.tables.find((t) => t.id === req.params.table);
    if (!table) throw problem(404, 'not-found', `There is no performance table "${req.params.table}".`);
    const csv = stringify([table.columns.map((c) => c.title), ...table.rows.map((row) => row.map(spreadsheetSafe))]);
    const range = `${found.months[0]}-to-${found.months.at(-1)}`;
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${table.id}-${table.id === 'caseloads' ? found.generatedAt.slice(0, 10) : range}.csv`)
      .send(csv);
  });
  return router;
}
