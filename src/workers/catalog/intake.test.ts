import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { expandInputs, skipReason } from './intake';

describe('intake', () => {
  it('skips weights, media and git plumbing but keeps metadata files', () => {
    for (const name of [
      'model.safetensors',
      'a/b/pytorch_model.bin',
      'logo.png',
      '.gitattributes',
      'tokenizer.json',
      'config.json',
    ]) {
      expect(skipReason(name), name).toBeDefined();
    }
    for (const name of [
      'README.md',
      'owner__name.md',
      'MLmodel',
      'runs/x.MLmodel',
      'croissant.json',
      'bom.cdx.json',
      'data.xml',
      'export',
    ]) {
      expect(skipReason(name), name).toBeUndefined();
    }
  });

  it('opens zips in place and keeps nested paths as provenance', async () => {
    const zip = zipSync({
      'cards/acme__m/README.md': strToU8('---\nlicense: mit\n---\n'),
      'weights/x.safetensors': strToU8('w'),
    });
    const entries = await expandInputs([{ name: 'bundle.zip', blob: new Blob([zip]) }]);
    expect(entries.map((e) => e.name)).toEqual(['bundle.zip/cards/acme__m/README.md']);
    const first = entries[0];
    expect(first?.kind === 'text' ? await first.read() : '').toContain('license: mit');
  });

  it('refuses files over the size limit before reading them', async () => {
    const big = { size: 21 * 1024 * 1024, text: () => Promise.resolve('') } as unknown as Blob;
    const entries = await expandInputs([{ name: 'huge.json', blob: big }]);
    expect(entries[0]?.kind).toBe('too-large');
  });
});
