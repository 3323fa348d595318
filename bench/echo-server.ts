// The peer of http.ratioToEcho: a bare Express 5 app that parses a JSON body (the same 1 MB limit) and sends it back.
// Run as its own process by http.bench.ts, listening on PORT and HOST.
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '1mb' }));
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.post('/echo', (req, res) => {
  res.json(req.body);
});
app.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
