import { EventSubscription } from 'obs-websocket-js/json';
import { describe, expect, it } from 'vitest';
import { describeClose, describeRequestFailure } from '../../../electron/core/obs/errors';
import { EVENT_SUBSCRIPTIONS, TERMINAL_CLOSE_CODES, supportsFeature, versionAtLeast } from '../../../electron/core/obs/protocol';

describe('event subscriptions', () => {
  it('are exactly the low-volume categories we read', () => {
    const S = EventSubscription;
    expect(EVENT_SUBSCRIPTIONS).toBe(S.General | S.Config | S.Scenes | S.Inputs | S.Transitions | S.Outputs | S.SceneItems | S.Ui);
  });

  it('never include a high-volume event', () => {
    for (const bit of [
      EventSubscription.InputVolumeMeters,
      EventSubscription.InputActiveStateChanged,
      EventSubscription.InputShowStateChanged,
      EventSubscription.SceneItemTransformChanged,
    ]) {
      expect(EVENT_SUBSCRIPTIONS & bit).toBe(0);
    }
  });
});

describe('feature detection by obsWebSocketVersion', () => {
  it('compares versions numerically', () => {
    expect(versionAtLeast('5.1.0', '5.3.0')).toBe(false);
    expect(versionAtLeast('5.3.0', '5.3.0')).toBe(true);
    expect(versionAtLeast('5.10.0', '5.3.0')).toBe(true);
    expect(versionAtLeast('6.0.0-beta1', '5.3.0')).toBe(true);
  });

  it('OBS 29 (5.1) lacks NotReady and uuids; OBS 30 (5.3) has them', () => {
    expect(supportsFeature('5.1.0', 'notReadyStatus')).toBe(false);
    expect(supportsFeature('5.3.0', 'notReadyStatus')).toBe(true);
    expect(supportsFeature('5.3.0', 'inputSettingsChangedEvent')).toBe(false);
    expect(supportsFeature(undefined, 'uuids')).toBe(false);
  });
});

describe('failure descriptions', () => {
  it('maps the terminal close codes to stable codes', () => {
    expect(describeClose(4009, 'Authentication failed.', 'h:1').code).toBe('auth_failed');
    expect(describeClose(4010, '', 'h:1').code).toBe('unsupported_version');
    expect(describeClose(4011, '', 'h:1').code).toBe('kicked');
    expect([...TERMINAL_CLOSE_CODES].sort()).toEqual([4009, 4010, 4011]);
  });

  it('tells unreachable from not-OBS from a protocol error', () => {
    expect(describeClose(-1, 'connect ECONNREFUSED 127.0.0.1:4455', '127.0.0.1:4455')).toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('127.0.0.1:4455'),
    });
    expect(describeClose(-1, 'Server sent no subprotocol', 'h:1').code).toBe('not_obs');
    expect(describeClose(4002, 'decode', 'h:1').code).toBe('protocol_error');
    expect(describeClose(1001, '', 'h:1').code).toBe('connection_lost');
  });

  it('maps request statuses', () => {
    expect(describeRequestFailure('GetSceneList', 207).code).toBe('not_ready');
    expect(describeRequestFailure('SetCurrentProgramScene', 600, 'No source').code).toBe('not_found');
    expect(describeRequestFailure('SetInputSettings', 402, 'bad')).toMatchObject({ code: 'request_failed', obsCode: 402 });
  });
});
