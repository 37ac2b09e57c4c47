import { useRef, useState } from 'react';
import { useApi } from './api-context';
import { fileToBase64 } from './files';
import { useNotify } from './notify';

/**
 * A hidden file input's logic for one picture: prepare it in the browser (square, shrink...),
 * store it in the media library (`media.upload`, content-addressed) and hand back its hash.
 * A picture the browser cannot decode goes up as it is: the core judges the bytes.
 */
export function useImageUpload(prepare: (file: File) => Promise<Blob>, onUploaded: (hash: string) => void) {
  const api = useApi();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const blob = await prepare(file).catch(() => file);
      const { hash } = await api.call('media.upload', { contentBase64: await fileToBase64(blob) });
      onUploaded(hash);
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return { input, busy, pick };
}
