import { it } from 'vitest';
import { normalizeLicense } from './normalize';
it('scratch', () => {
  const inputs: Parameters<typeof normalizeLicense>[0][] = [
    { raw: 'llama3.1', format: 'hf' }, { raw: 'CC BY-NC 4.0', format: 'text' }, { raw: 'Apache 2.0', format: 'text' },
    { raw: 'other', name: 'llama3.1', link: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE', format: 'hf' },
    { raw: 'CreativeML OpenRAIL-M', format: 'text' }, { raw: 'MIT OR CC-BY-NC-4.0', format: 'spdx' },
    { raw: ['https://creativecommons.org/licenses/by-sa/4.0/'], format: 'croissant' },
    { raw: 'Apache-2.0 AND LicenseRef-CreativeML-OpenRAIL-M', format: 'spdx' }, { raw: 'apache-2.0', format: 'hf', link: 'https://ai.google.dev/gemma/docs/gemma_4_license' },
    { raw: 'MIT License' }, { raw: 'unknown' }, { raw: undefined }, { raw: 'gpl-3.0', format: 'hf' }, { raw: 'cc', format: 'hf' },
    { raw: 'other', name: 'my-custom', link: 'LICENSE.md', format: 'hf' }, { raw: [{ license: { id: 'MIT' } }, { license: { name: 'Apache License 2.0' } }], format: 'cyclonedx' },
    { raw: [{ expression: 'MIT OR Apache-2.0' }] }, { raw: 'https://choosealicense.com/licenses/cc-by-4.0/' }, { raw: 'GPL-2.0+' },
    { raw: 'apache-2.0 or mit' }, { raw: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International' }, { raw: 'GPLv3' },
    { raw: 'ODbL' }, { raw: 'something weird' }, { raw: 'LicenseRef-Foo-1' }, { raw: 'GPL-2.0-only WITH Classpath-exception-2.0' },
    { raw: 'https://opensource.org/licenses/MIT https://creativecommons.org/licenses/by/4.0/' }, { raw: 'CC-BY' }, { raw: 'gpl v3 or later'}, {raw: 'cc-by-nc-sa-4.0'},
    { raw: { '@type': 'CreativeWork', name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } }, { raw: 'https://spdx.org/licenses/Apache-2.0.html' },
    { raw: 'Gemma 4 license' }, { raw: 'all rights reserved' }, { raw: 'other', name: 'gemma4', format: 'hf'}, {raw:'https://huggingface.co/datasets/choosealicense/licenses/resolve/main/markdown/odbl.md'},
  ];
  for (const i of inputs) console.log(JSON.stringify(i.raw), i.name ?? '', '=>', JSON.stringify(normalizeLicense(i)));
});
