import {request as httpRequest} from 'node:http';

/**
 * Sends `request` to 127.0.0.1:`port` over plain HTTP, keeping the Host it was signed for (so AWS signatures still
 * verify at the simulated AWS): how tests let a BUILT worker's requests for fixed hosts reach a simulation on
 * free ports.
 */
export async function carryRequest(request: Request, port: number): Promise<Response> {
  const url = new URL(request.url);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer());
  const headers = {...Object.fromEntries(request.headers), host: url.host};
  return new Promise((resolve, reject) => {
    const out = httpRequest({host: '127.0.0.1', port, method: request.method, path: `${url.pathname}${url.search}`, headers}, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) for (const one of [value ?? []].flat()) responseHeaders.append(name, one);
        const status = answer.statusCode ?? 500;
        resolve(new Response(request.method === 'HEAD' || status === 204 || status === 304 ? null : Buffer.concat(chunks), {status, headers: responseHeaders}));
      });
    });
    out.on('error', reject);
    out.end(body);
  });
}
