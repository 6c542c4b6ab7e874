import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { expandInputs, MAX_DROP_EXPANDED_BYTES, skipReason } from './intake';

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
    const big = {
      size: 21 * 1024 * 1024,
      text: () => Promise.reject(new Error('read the whole file')),
      slice: () => new Blob(['# not an export']),
    } as unknown as Blob;
    const entries = await expandInputs([{ name: 'huge.json', blob: big }]);
    expect(entries[0]?.kind).toBe('too-large');
  });
});

describe('zip limits (streamed expansion)', () => {
  it(
    'expands thousands of small entries that arrive in one big chunk (no stack overflow)',
    { timeout: 30_000 },
    async () => {
      const files: Record<string, Uint8Array> = {};
      for (let i = 0; i < 8000; i++)
        files[`cards/org__card-${i}.md`] = strToU8(`---\nlicense: mit\n---\n# ${i}\n`);
      const zip = zipSync(files);
      // A stream that hands the whole archive over at once, as a browser may for a file it has in memory.
      const blob = new Blob([zip]);
      const oneChunk = Object.assign(blob, {
        stream: () =>
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(zip);
              controller.close();
            },
          }),
      });
      const entries = await expandInputs([{ name: 'cards.zip', blob: oneChunk }]);
      expect(entries).toHaveLength(8000);
      expect(entries.every((e) => e.kind === 'text')).toBe(true);
      expect(entries[7999]?.name).toBe('cards.zip/cards/org__card-7999.md');
    },
  );

  const card = (i: number) => strToU8(`---\nlicense: mit\n---\n# card ${i}\n`);
  /** A highly compressible entry of `mb` megabytes (a few KB once zipped). */
  const filler = (mb: number) => new Uint8Array(mb * 1024 * 1024).fill(0x61);

  it('an entry over the per-file limit gets its own entry, the small card beside it is kept', async () => {
    const zip = zipSync({ 'a/README.md': card(1), 'big.json': filler(21) }, { level: 9 });
    expect(zip.byteLength).toBeLessThan(200_000);
    const entries = await expandInputs([{ name: 'mixed.zip', blob: new Blob([zip]) }]);
    expect(entries.map((e) => [e.name, e.kind])).toEqual([
      ['mixed.zip/a/README.md', 'text'],
      ['mixed.zip/big.json', 'too-large'],
    ]);
  });

  it('an entry whose header does not give its size is stopped at the limit while it expands', async () => {
    // zipSync writes sizes; a streamed zip (Zip class) with a data descriptor does not.
    const { Zip, ZipDeflate } = await import('fflate');
    const parts: Uint8Array[] = [];
    const z = new Zip((err, chunk) => {
      if (!err) parts.push(chunk);
    });
    const big = new ZipDeflate('big.json', { level: 9 });
    z.add(big);
    big.push(filler(21), true);
    const small = new ZipDeflate('README.md', { level: 9 });
    z.add(small);
    small.push(card(2), true);
    z.end();
    const entries = await expandInputs([{ name: 's.zip', blob: new Blob(parts as BlobPart[]) }]);
    expect(entries.map((e) => [e.name, e.kind])).toEqual([
      ['s.zip/big.json', 'too-large'],
      ['s.zip/README.md', 'text'],
    ]);
    expect(entries[0]).toMatchObject({ atLeast: true });
  });

  it('the real bound is 512 MB; a drop stops expanding at the bound, each entry past it is listed', async () => {
    expect(MAX_DROP_EXPANDED_BYTES).toBe(512 * 1024 * 1024);
    const files: Record<string, Uint8Array> = { 'README.md': card(0) };
    for (let i = 0; i < 6; i++) files[`part-${i}.json`] = filler(2);
    const zip = zipSync(files, { level: 9 });
    const entries = await expandInputs([{ name: 'bomb.zip', blob: new Blob([zip]) }], {
      maxExpandedBytes: 5 * 1024 * 1024,
    });
    expect(entries.map((e) => e.kind)).toEqual([
      'text',
      'text',
      'text',
      'over-bound',
      'over-bound',
      'over-bound',
      'over-bound',
    ]);
    const expanded = entries.reduce((s, e) => s + (e.kind === 'text' ? e.bytes : 0), 0);
    expect(expanded).toBeLessThanOrEqual(5 * 1024 * 1024);
    // A second zip in the same drop shares the bound.
    const again = await expandInputs(
      [
        { name: 'bomb.zip', blob: new Blob([zip]) },
        { name: 'more.zip', blob: new Blob([zipSync({ 'x.md': card(9) })]) },
      ],
      { maxExpandedBytes: 5 * 1024 * 1024 },
    );
    expect(again.at(-1)).toMatchObject({ name: 'more.zip/x.md', kind: 'over-bound' });
  });

  it('an entry whose header declares less than it holds is expanded whole (inflated again as a stream)', async () => {
    const text = `---\nlicense: mit\n---\n${'# card body\n'.repeat(500)}`;
    const zip = zipSync({ 'README.md': strToU8(text), 'b.md': card(2) }, { level: 6 });
    // The first local header's uncompressed size (offset 22) claims 10 bytes.
    new DataView(zip.buffer, zip.byteOffset).setUint32(22, 10, true);
    const entries = await expandInputs([{ name: 'lie.zip', blob: new Blob([zip]) }]);
    expect(entries.map((e) => [e.name, e.kind, e.bytes])).toEqual([
      ['lie.zip/README.md', 'text', text.length],
      ['lie.zip/b.md', 'text', card(2).byteLength],
    ]);
    const first = entries[0];
    expect(first?.kind === 'text' ? await first.read() : '').toBe(text);
  });

  it('a file that is not a zip, and a truncated zip, each get a line', async () => {
    const notZip = await expandInputs([{ name: 'fake.zip', blob: new Blob(['hello']) }]);
    expect(notZip).toHaveLength(1);
    await expect(notZip[0]?.kind === 'text' ? notZip[0].read() : undefined).rejects.toThrow(
      /Cannot open zip/,
    );
    const zip = zipSync({ 'a.md': card(1), 'b.md': filler(1) }, { level: 0 });
    const cut = await expandInputs([
      { name: 'cut.zip', blob: new Blob([zip.slice(0, zip.byteLength - 300_000)]) },
    ]);
    expect(cut.map((e) => e.name)).toContain('cut.zip/b.md');
    const b = cut.find((e) => e.name === 'cut.zip/b.md');
    await expect(b?.kind === 'text' ? b.read() : undefined).rejects.toThrow(/truncated/);
  });
});
