import type { RouterPart } from '../handlers';
import type { HostsDao } from './hosts.dao';

export function hostsRouter(hosts: HostsDao): RouterPart<'hosts.list'> {
  return { 'hosts.list': () => hosts.list() };
}
