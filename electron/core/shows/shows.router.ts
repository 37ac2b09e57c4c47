import type { RouterPart } from '../handlers';
import type { ShowsService } from './shows.service';

export function showsRouter(
  shows: ShowsService,
): RouterPart<'shows.list' | 'shows.get' | 'shows.create' | 'shows.update' | 'shows.delete' | 'shows.duplicate' | 'shows.plan.set'> {
  return {
    'shows.list': ({ templates }) => shows.list(templates ?? false),
    'shows.get': ({ id }) => shows.get(id),
    'shows.create': (input) => shows.create(input),
    'shows.update': (input) => shows.update(input),
    'shows.delete': ({ id }) => shows.delete(id),
    'shows.duplicate': (input) => shows.duplicate(input),
    'shows.plan.set': (input) => shows.setPlan(input),
  };
}
