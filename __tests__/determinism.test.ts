import { createHash } from 'node:crypto';
import { render } from '../src/index.js';
import { readExample } from './helpers/render.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('reproducible output', () => {
  test('the same input and creation date give the same bytes, in both formats', async () => {
    const model = readExample('examples/showcase.json');
    const date = new Date('2021-01-15T00:00:00Z');
    const a = await render(model, { creationDate: date });
    const b = await render(model, { creationDate: date });
    expect(sha(a.pdf!)).toBe(sha(b.pdf!));
    expect(sha(a.docx!)).toBe(sha(b.docx!));
    const c = await render(model, { creationDate: new Date('2022-02-02T00:00:00Z') });
    expect(sha(c.pdf!)).not.toBe(sha(a.pdf!)); // the date really enters the output
    expect(Buffer.from(a.pdf!).toString('latin1')).toContain('D:20210115000000');
  });
});
