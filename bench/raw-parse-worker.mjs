// Raw ceiling's parse worker (bundled as a classic script, started from a blob URL by bench/raw-cards.mjs):
// decodes, rejects binaries, hashes (crypto.subtle) and parses (core's parseFile) the files it is sent.
import { parseFile } from '@/core/formats/parseFile';

const decoder = new TextDecoder('utf-8');

async function sha256Hex(bytes) {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

self.onmessage = async (e) => {
  const out = [];
  for (const { name, bytes } of e.data.files) {
    const text = decoder.decode(bytes);
    if (text.includes('\u0000')) continue;
    const sha256 = await sha256Hex(bytes);
    out.push({ name, sha256, text, result: parseFile({ name, text }) });
  }
  self.postMessage({ id: e.data.id, out });
};
