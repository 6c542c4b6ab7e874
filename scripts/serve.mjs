// `npm start`: serve the built app (vite preview) and print the URL.
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: false, open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(
  `\n  Tarn is running at ${url}\n  Open it in a browser; a fresh profile starts on the demo catalog. Ctrl+C stops.\n`,
);
