import { AppError, type Host, type HostFields, type HostUpdateInput } from '../../contract';
import type { Db } from '../../../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import { newId } from '../ids';
import type { MediaStore } from '../media/media.store';
import { HostsDao } from './hosts.dao';

/**
 * Host rules: an avatar must be an image in the media library, and changes are pushed. Deleting
 * a host drops it from shows (show_hosts cascades) and from cues (their host lists are filtered
 * against the hosts that exist whenever a plan is read).
 */
export class HostsService {
  readonly dao: HostsDao;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly media: MediaStore,
  ) {
    this.dao = new HostsDao(db);
  }

  list(): Host[] {
    return this.dao.list();
  }

  get(id: string): Host {
    const host = this.dao.get(id);
    if (!host) throw new AppError('NOT_FOUND', `No host with id ${id}`, { id });
    return host;
  }

  create(fields: HostFields): Host {
    this.assertAvatar(fields.avatar);
    const id = newId('hst');
    this.dao.insert(id, fields, this.clock.now());
    return this.changed(id);
  }

  update(input: HostUpdateInput): Host {
    const { id, ...patch } = input;
    if (patch.avatar !== undefined) this.assertAvatar(patch.avatar);
    this.db.transaction(() => {
      this.get(id);
      this.dao.update(id, patch, this.clock.now());
    });
    return this.changed(id);
  }

  delete(id: string): { id: string } {
    if (!this.dao.delete(id)) throw new AppError('NOT_FOUND', `No host with id ${id}`, { id });
    this.bus.dataChanged('hosts');
    this.bus.dataChanged('shows'); // show host lists shrink with it
    return { id };
  }

  private changed(id: string): Host {
    this.bus.dataChanged('hosts');
    return this.get(id);
  }

  private assertAvatar(hash: string | null | undefined): void {
    if (hash && !this.media.exists(hash)) {
      throw new AppError('BAD_INPUT', `Unknown image ${hash}`, {
        issues: [{ path: ['avatar'], code: 'unknown_media', message: 'Image not found in the media library' }],
      });
    }
  }
}
