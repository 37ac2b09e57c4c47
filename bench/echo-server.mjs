// Baseline for the bench: the barest WebSocket server Node can run (ws, echo every message).
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => {
  console.log(`READY ${wss.address().port}`);
});
wss.on('connection', (ws) => ws.on('message', (data) => ws.send(data.toString())));
process.on('SIGTERM', () => process.exit(0));
