import type { RouterPart } from '../handlers';
import type { HostsService } from './hosts.service';

export function hostsRouter(hosts: HostsService): RouterPart<'hosts.list' | 'hosts.get' | 'hosts.create' | 'hosts.update' | 'hosts.delete'> {
  return {
    'hosts.list': () => hosts.list(),
    'hosts.get': ({ id }) => hosts.get(id),
    'hosts.create': (input) => hosts.create(input),
    'hosts.update': (input) => hosts.update(input),
    'hosts.delete': ({ id }) => hosts.delete(id),
  };
}
