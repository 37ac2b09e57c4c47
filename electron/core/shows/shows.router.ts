import type { RouterPart } from '../handlers';
import type { ShowsDao } from './shows.dao';

export function showsRouter(shows: ShowsDao): RouterPart<'shows.list'> {
  return { 'shows.list': () => shows.list() };
}
