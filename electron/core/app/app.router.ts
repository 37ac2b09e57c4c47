import type { RouterPart } from '../handlers';
import type { AppStatus } from '../../contract';

export function appRouter(status: () => AppStatus): RouterPart<'app.status'> {
  return { 'app.status': () => status() };
}
