import { describe, expect, it } from 'vitest';
import { obsAction, planAction, type PlanContext } from '../../../electron/core/obs/action-plan';

const kinds: Record<string, string> = {
  Title: 'text_ft2_source_v2',
  WinTitle: 'text_gdiplus_v3',
  Logo: 'image_source',
  Card: 'browser_source',
};
const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({
  studioMode: false,
  mirrorReady: true,
  inputKind: (n) => kinds[n],
  removedScene: (n) => n === 'Removed',
  ...over,
});

describe('action planning', () => {
  it('switchScene: program switch outside studio mode, whatever the mode', () => {
    for (const mode of ['program', 'preview-transition'] as const) {
      expect(planAction(obsAction.switchScene('BRB', mode), ctx())).toEqual({
        requests: [{ requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'BRB' } }],
      });
    }
  });

  it('switchScene to a scene OBS said it removed: not_found, nothing sent (OBS may still answer to its name)', () => {
    expect(planAction(obsAction.switchScene('Removed'), ctx())).toEqual({ failure: { code: 'not_found', message: 'There is no scene "Removed" in OBS.' } });
  });

  it('switchScene in studio mode: preview then program for preview-transition, program only otherwise', () => {
    expect(planAction(obsAction.switchScene('BRB', 'preview-transition'), ctx({ studioMode: true }))).toEqual({
      requests: [
        { requestType: 'SetCurrentPreviewScene', requestData: { sceneName: 'BRB' } },
        { requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'BRB' } },
      ],
    });
    expect(planAction(obsAction.switchScene('BRB', 'program'), ctx({ studioMode: true }))).toEqual({
      requests: [{ requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'BRB' } }],
    });
  });

  it('setSourceVisible uses the resolved container (group) and id', () => {
    const plan = planAction(obsAction.setSourceVisible('Product', 'Price', true), ctx(), { sceneName: 'Price Group', sceneItemId: 3 });
    expect(plan).toEqual({
      requests: [{ requestType: 'SetSceneItemEnabled', requestData: { sceneName: 'Price Group', sceneItemId: 3, sceneItemEnabled: true } }],
    });
    expect(planAction(obsAction.setSourceVisible('Product', 'Nope', true), ctx())).toMatchObject({ failure: { code: 'not_found' } });
  });

  it('setText sets `text` for FreeType and GDI+ sources and turns reading from a file off', () => {
    expect(planAction(obsAction.setText('Title', '¥59'), ctx())).toEqual({
      requests: [{ requestType: 'SetInputSettings', requestData: { inputName: 'Title', inputSettings: { text: '¥59', from_file: false }, overlay: true } }],
    });
    expect(planAction(obsAction.setText('WinTitle', 'x'), ctx())).toEqual({
      requests: [
        { requestType: 'SetInputSettings', requestData: { inputName: 'WinTitle', inputSettings: { text: 'x', read_from_file: false }, overlay: true } },
      ],
    });
  });

  it('refuses an action on the wrong kind of source instead of silently doing nothing', () => {
    expect(planAction(obsAction.setText('Logo', 'x'), ctx())).toMatchObject({ failure: { code: 'wrong_kind' } });
    expect(planAction(obsAction.setImageFile('Title', '/a.png'), ctx())).toMatchObject({ failure: { code: 'wrong_kind' } });
    expect(planAction(obsAction.refreshBrowser('Logo'), ctx())).toMatchObject({ failure: { code: 'wrong_kind' } });
  });

  it('unknown input: not_found when the mirror is complete, sent anyway while it is not', () => {
    expect(planAction(obsAction.setText('Ghost', 'x'), ctx())).toMatchObject({ failure: { code: 'not_found' } });
    expect(planAction(obsAction.setText('Ghost', 'x'), ctx({ mirrorReady: false }))).toMatchObject({
      requests: [{ requestType: 'SetInputSettings' }],
    });
  });

  it('image, browser url and refresh map to the documented requests', () => {
    expect(planAction(obsAction.setImageFile('Logo', '/m/a.png'), ctx())).toEqual({
      requests: [{ requestType: 'SetInputSettings', requestData: { inputName: 'Logo', inputSettings: { file: '/m/a.png' }, overlay: true } }],
    });
    expect(planAction(obsAction.setBrowserUrl('Card', 'http://127.0.0.1/o'), ctx())).toEqual({
      requests: [{ requestType: 'SetInputSettings', requestData: { inputName: 'Card', inputSettings: { url: 'http://127.0.0.1/o' }, overlay: true } }],
    });
    expect(planAction(obsAction.refreshBrowser('Card'), ctx())).toEqual({
      requests: [{ requestType: 'PressInputPropertiesButton', requestData: { inputName: 'Card', propertyName: 'refreshnocache' } }],
    });
  });
});
