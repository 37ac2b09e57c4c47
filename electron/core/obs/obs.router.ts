import type { RouterPart } from '../handlers';
import type { ObsService } from './obs.service';

export function obsRouter(obs: ObsService): RouterPart<'obs.get' | 'obs.connection.set' | 'obs.actions.apply'> {
  return {
    'obs.get': () => obs.overview(),
    'obs.connection.set': (input) => obs.setConnection(input),
    'obs.actions.apply': ({ actions }) => obs.applyActions(actions),
  };
}
