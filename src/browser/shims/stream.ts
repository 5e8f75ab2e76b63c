/** The part of Node's stream.Readable that pdfkit uses (push, 'data' and 'end' events), for the browser bundle. */
import { EventEmitter } from 'events';

export class Readable extends EventEmitter {
  push(chunk: unknown): boolean {
    if (chunk === null) this.emit('end');
    else this.emit('data', chunk);
    return true;
  }
  pipe<T>(dest: T): T {
    throw new Error('stream.pipe is not available in the browser build');
  }
}
export default { Readable };
